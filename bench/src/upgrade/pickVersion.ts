/** The first version the platform lists for an engine and upstream release. */
export function pickVersion(
  engines: Array<{ engine: string; versions: string[] }>,
  engine: string,
  upstream: string,
  skip?: string,
): string {
  const found = engines
    .find(e => e.engine === engine)
    ?.versions.find(v => v.split('+')[0] === upstream && v !== skip);
  if (!found) {
    throw new Error(
      `The local platform has no ${engine} ${upstream}; run scripts/install-engines.sh`,
    );
  }
  return found;
}
