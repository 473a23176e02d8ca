import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliLogin {
  host: string;
  port: number;
  username: string;
  password: string;
}

/** Runs the machine's real redis-cli against an instance. */
export async function redisCli(login: CliLogin, args: string[]) {
  const { stdout } = await run(
    'redis-cli',
    [
      '-h',
      login.host,
      '-p',
      String(login.port),
      '--user',
      login.username,
      '--pass',
      login.password,
      '--no-auth-warning',
      ...args,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * The summary's "Biggest <type> found '"<key>"' has <n> <unit>" lines of
 * --bigkeys and --memkeys. Keys are printed quoted (sdscatrepr); the seeds
 * of these tests use names that print as they are.
 */
export function parseBiggest(
  output: string,
): Array<{ type: string; key: string; size: number }> {
  const summary = output.slice(output.indexOf('-------- summary -------'));
  return [
    ...summary.matchAll(/^Biggest\s+(\S+) found '"(.*)"' has (\d+) /gm),
  ].map(([, type, key, size]) => ({ type, key, size: Number(size) }));
}

/** The "<n> <type>s with <m> bytes" lines of --memkeys. */
export function parseTypeTotals(
  output: string,
): Array<{ type: string; keys: number; bytes: number }> {
  return [...output.matchAll(/^(\d+) (\w+)s with (\d+) bytes/gm)].map(
    ([, keys, type, bytes]) => ({
      type,
      keys: Number(keys),
      bytes: Number(bytes),
    }),
  );
}
