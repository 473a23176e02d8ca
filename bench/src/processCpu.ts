import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ) on Linux. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, from /proc; Linux only. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // utime and stime are fields 14 and 15; the name before them may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The share of one core a process used over `ms`, measured from /proc. */
export async function cpuShareOver(pid: number, ms: number): Promise<number> {
  const before = await processCpuSeconds(pid);
  const started = performance.now();
  await new Promise(resolve => setTimeout(resolve, ms));
  const elapsed = (performance.now() - started) / 1000;
  return ((await processCpuSeconds(pid)) - before) / elapsed;
}
