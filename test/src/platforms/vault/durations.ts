/** Seconds of a Vault duration: a number of seconds, or "30s", "5m", "1h", "1h30m". */
export function seconds(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return value;
  }
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return Number(value);
    const parts = [...value.matchAll(/(\d+)(h|m|s)/g)];
    if (parts.length && parts.map(p => p[0]).join('') === value) {
      const unit = { h: 3600, m: 60, s: 1 } as const;
      return parts.reduce(
        (sum, [, n, u]) => sum + Number(n) * unit[u as 'h' | 'm' | 's'],
        0,
      );
    }
  }
  throw new Error(
    `error parsing ${field}: invalid duration ${JSON.stringify(value)}`,
  );
}
