const SAFE = /^[\w@%+=:,./-]+$/;

/** `value` as one word for a POSIX shell, quoted only when it has to be. */
export function shellQuote(value: string): string {
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
