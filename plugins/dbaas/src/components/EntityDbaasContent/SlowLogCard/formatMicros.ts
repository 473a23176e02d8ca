/** "850 µs", "12.3 ms", "1.25 s": a duration read at a glance. */
export function formatMicros(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  if (micros < 1_000_000) return `${(micros / 1000).toFixed(1)} ms`;
  return `${(micros / 1_000_000).toFixed(2)} s`;
}
