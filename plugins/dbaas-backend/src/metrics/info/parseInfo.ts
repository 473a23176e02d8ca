/** INFO's `field:value` lines as an object; section headers and blanks are skipped. */
export type InfoFields = Record<string, string>;

/**
 * Parses an INFO reply, keeping the fields `keep` accepts (all by default).
 * Runs for every instance at every collection, so it scans the text once
 * with indexOf, and slices out only the values it keeps.
 */
export function parseInfo(
  text: string,
  keep: (name: string) => boolean = () => true,
): InfoFields {
  const fields: InfoFields = {};
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd =
      end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (text.charCodeAt(start) !== 35 /* # */) {
      const colon = text.indexOf(':', start);
      if (colon > start && colon < lineEnd) {
        const name = text.slice(start, colon);
        if (keep(name)) fields[name] = text.slice(colon + 1, lineEnd);
      }
    }
    start = end + 1;
  }
  return fields;
}

/** A field as a finite number, or undefined. */
export function numberOf(fields: InfoFields, name: string): number | undefined {
  const raw = fields[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The `key=value,key=value` lists of keyspace, replica and commandstats
 * lines, e.g. `keys=10,expires=2,avg_ttl=500`.
 */
export function parseList(value: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return pairs;
}
