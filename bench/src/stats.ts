/** The q-quantile (0..1) of a sample, by nearest rank. */
export function quantile(sample: number[], q: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
