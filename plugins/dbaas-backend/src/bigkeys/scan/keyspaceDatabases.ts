/** The databases that hold keys, from `INFO keyspace` (`db0:keys=12,...`). */
export function keyspaceDatabases(
  info: string,
): Array<{ db: number; keys: number }> {
  const databases: Array<{ db: number; keys: number }> = [];
  for (const line of info.split(/\r?\n/)) {
    const match = /^db(\d+):keys=(\d+)/.exec(line);
    if (match) databases.push({ db: Number(match[1]), keys: Number(match[2]) });
  }
  return databases.sort((a, b) => a.db - b.db);
}
