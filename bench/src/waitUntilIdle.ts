import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ) on Linux. */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 500;

async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // utime and stime are fields 14 and 15; the name before them may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Waits until a process has used less than `maxShare` of a core for
 * `quietMs` in a row, at most `timeoutMs`, and returns how long that took.
 * The example backend ingests its catalog for several seconds after it
 * first answers; creates measured then would measure that instead.
 * Reads /proc, so Linux only, like the local driver.
 */
export async function waitUntilIdle(
  pid: number,
  options: { maxShare?: number; quietMs?: number; timeoutMs?: number } = {},
): Promise<number> {
  const { maxShare = 0.05, quietMs = 2000, timeoutMs = 60_000 } = options;
  const started = Date.now();
  let quietSince = started;
  let last = await cpuSeconds(pid);
  while (Date.now() - started < timeoutMs) {
    await new Promise(resolve => setTimeout(resolve, SAMPLE_MS));
    const now = await cpuSeconds(pid);
    if ((now - last) / (SAMPLE_MS / 1000) > maxShare) {
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      break;
    }
    last = now;
  }
  return Date.now() - started;
}
