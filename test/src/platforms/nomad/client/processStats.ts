import { readFile } from 'node:fs/promises';

/** Clock ticks per second on Linux, which /proc/<pid>/stat counts in. */
const TICKS = 100;

/** Resident memory and CPU time of a process, from /proc. */
export async function processStats(
  pid: number,
): Promise<{ rss: number; cpuSeconds: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rss: rssKb * 1024, cpuSeconds: ticks / TICKS };
  } catch {
    return undefined;
  }
}
