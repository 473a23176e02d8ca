import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaemonLauncher } from './DaemonLauncher';
import { isProcessRunning } from './processes';

/** Runs `source` as a node program; its arguments are the files it is given. */
function program(source: string, ...files: string[]) {
  return { file: process.execPath, args: ['-e', source, ...files] };
}

const WRITE_PIDFILE = `require('fs').writeFileSync(process.argv[1], process.pid + '\\n')`;
const IDLE = 'setInterval(() => {}, 1000)';

async function waitUntilGone(pid: number): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return true;
}

describe('DaemonLauncher', () => {
  let folder: string;
  let pidfile: string;
  let launcher: DaemonLauncher;
  const started: number[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jm-launcher-'));
    pidfile = join(folder, 'server.pid');
    launcher = new DaemonLauncher();
  });

  afterEach(async () => {
    // Killed while the launcher still runs, so that it reaps them.
    for (const pid of started.splice(0)) {
      process.kill(pid, 'SIGKILL');
      await waitUntilGone(pid);
    }
    launcher.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers once the server wrote its pidfile, and leaves it in a session of its own', async () => {
    await launcher.launch({
      ...program(`${WRITE_PIDFILE}; ${IDLE}`, pidfile),
      pidfile,
      timeoutMs: 5000,
    });
    const pid = Number((await readFile(pidfile, 'utf8')).trim());
    started.push(pid);

    expect(isProcessRunning(pid)).toBe(true);
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const [ppid, , sid] = stat
      .slice(stat.lastIndexOf(')') + 4)
      .split(' ')
      .map(Number);
    expect(ppid).not.toBe(process.pid);
    expect(sid).toBe(pid);
  });

  it('reports the exit code and stderr of a server that fails to start', async () => {
    await expect(
      launcher.launch({
        ...program(
          `console.error('Bad directive at line 3'); process.exit(1)`,
          pidfile,
        ),
        pidfile,
        timeoutMs: 5000,
      }),
    ).rejects.toThrow(/exited with 1: Bad directive at line 3/);
  });

  it('stops a server that does not write its pidfile in time', async () => {
    const pidOut = join(folder, 'other.pid');
    // A shell, not node: it records its pid within milliseconds even on a
    // loaded machine, well before the 500 ms deadline kills it.
    await expect(
      launcher.launch({
        file: '/bin/sh',
        args: ['-c', 'echo $$ > "$1"; exec sleep 60', 'sh', pidOut],
        pidfile,
        timeoutMs: 500,
      }),
    ).rejects.toThrow(/did not write .*server\.pid within 500 ms/);
    const pid = Number(await readFile(pidOut, 'utf8'));
    expect(await waitUntilGone(pid)).toBe(true);
  });

  it('waits for the pidfile of a server that daemonizes itself', async () => {
    // The launched process forks the real server and exits 0 at once, as
    // redis-server does with `daemonize yes`.
    const daemon = `${WRITE_PIDFILE}; ${IDLE}`;
    await launcher.launch({
      ...program(
        `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(
          `setTimeout(() => { ${daemon} }, 100)`,
        )}, process.argv[1]], { detached: true, stdio: 'ignore' }).unref()`,
        pidfile,
      ),
      pidfile,
      timeoutMs: 5000,
    });
    const pid = Number((await readFile(pidfile, 'utf8')).trim());
    started.push(pid);
    expect(isProcessRunning(pid)).toBe(true);
  });
});
