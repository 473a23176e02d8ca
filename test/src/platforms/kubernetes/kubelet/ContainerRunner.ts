import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { quantity } from '../store/validate';
import { hostPaths, Mount } from './mounts';
import { runProbe } from './probes';

type Obj = Record<string, any>;

const exitReason = (code: number) => (code === 0 ? 'Completed' : 'Error');

export interface ContainerLaunch {
  container: Obj;
  command: string[];
  env: Record<string, string>;
  mounts: Mount[];
  podIP: string;
  podDir: string;
  path: string;
  probePeriodMs: number;
  onChange(): void;
}

/**
 * One container of a pod as a real process: restarted with a growing
 * back-off when it exits (restartPolicy Always, CrashLoopBackOff while
 * waiting), killed and restarted when its liveness probe fails
 * failureThreshold times, Ready while its readiness probe passes.
 */
export class ContainerRunner {
  #child?: ChildProcess;
  #stopping = false;
  #timers: NodeJS.Timeout[] = [];
  /** Probes and the memory check of the current process; a restart starts new ones. */
  #intervals: NodeJS.Timeout[] = [];
  #probing = false;
  #oomKilled = false;
  #livenessFailures = 0;
  #readinessFailures = 0;
  #startedAt?: string;
  ready = false;
  restartCount = 0;
  state: Obj = { waiting: { reason: 'ContainerCreating' } };
  lastState: Obj = {};

  constructor(readonly launch: ContainerLaunch) {}

  get name(): string {
    return this.launch.container.name;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  start() {
    const { command, env, podDir, path, mounts } = this.launch;
    const [binary, ...args] = command.map(a => hostPaths(a, mounts));
    const log = createWriteStream(join(podDir, `${this.name}.log`), {
      flags: 'a',
    });
    const child = spawn(binary, args, {
      cwd: podDir,
      env: { ...env, PATH: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.#startedAt = new Date().toISOString();
    this.state = { running: { startedAt: this.#startedAt } };
    this.ready = !this.launch.container.readinessProbe;
    this.#livenessFailures = 0;
    this.#readinessFailures = 0;
    child.on('error', error => {
      log.write(`spawn failed: ${error.message}\n`);
    });
    child.on('exit', (code, signal) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      this.ready = false;
      const exitCode = code ?? (signal === 'SIGKILL' ? 137 : 143);
      this.#intervals.forEach(clearInterval);
      this.#intervals = [];
      const oomKilled = this.#oomKilled;
      this.#oomKilled = false;
      const terminated = {
        exitCode,
        reason: oomKilled ? 'OOMKilled' : exitReason(exitCode),
        startedAt: this.#startedAt,
        finishedAt: new Date().toISOString(),
      };
      if (this.#stopping) {
        this.state = { terminated };
        this.launch.onChange();
        return;
      }
      this.lastState = { terminated };
      this.restartCount += 1;
      const delay = Math.min(200 * 2 ** (this.restartCount - 1), 5000);
      this.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${delay}ms restarting failed container=${this.name}`,
        },
      };
      this.launch.onChange();
      this.#later(() => !this.#stopping && this.start(), delay);
    });
    this.launch.onChange();
    this.#scheduleProbes();
    this.#watchMemory();
  }

  /**
   * The memory cgroup's limit, enforced the way the kernel does for a
   * container: a process whose resident memory goes over its limit is
   * killed (OOMKilled, exit 137). Checked every probe period.
   */
  #watchMemory() {
    const limit = quantity(
      this.launch.container.resources?.limits?.memory ?? '0',
    );
    if (!(limit > 0)) return;
    const check = async () => {
      const child = this.#child;
      if (!child?.pid || this.#stopping) return;
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(
        () => '',
      );
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      if (rssKb * 1024 > limit && this.#child === child) {
        this.#oomKilled = true;
        child.kill('SIGKILL');
      }
    };
    this.#intervals.push(
      setInterval(() => void check(), this.launch.probePeriodMs),
    );
  }

  #scheduleProbes() {
    const { container, probePeriodMs } = this.launch;
    if (!container.readinessProbe && !container.livenessProbe) return;
    const tick = async () => {
      if (this.#stopping || !this.#child || this.#probing) return;
      this.#probing = true;
      try {
        await this.#probe();
      } finally {
        this.#probing = false;
      }
    };
    this.#intervals.push(setInterval(tick, probePeriodMs));
    void tick();
  }

  async #probe() {
    const { container, podIP, env, mounts, path } = this.launch;
    const child = this.#child;
    const target = { podIP, env, mounts, path };
    if (container.readinessProbe) {
      const ok = await runProbe(container.readinessProbe, target);
      this.#readinessFailures = ok ? 0 : this.#readinessFailures + 1;
      const ready = ok
        ? true
        : this.#readinessFailures <
            (container.readinessProbe.failureThreshold ?? 3) && this.ready;
      if (ready !== this.ready && this.#child === child) {
        this.ready = ready;
        this.launch.onChange();
      }
    }
    if (container.livenessProbe && this.#child === child) {
      const ok = await runProbe(container.livenessProbe, target);
      this.#livenessFailures = ok ? 0 : this.#livenessFailures + 1;
      if (
        this.#livenessFailures >=
        (container.livenessProbe.failureThreshold ?? 3)
      ) {
        this.#livenessFailures = 0;
        child?.kill('SIGKILL');
      }
    }
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    for (const t of [...this.#timers, ...this.#intervals]) clearTimeout(t);
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>(resolve => {
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  #later(fn: () => void, ms: number) {
    this.#timers.push(setTimeout(fn, ms));
  }

  status(image: string): Obj {
    return {
      name: this.name,
      image,
      imageID: `test-kubelet://${image}`,
      containerID: this.pid ? `test-kubelet://${this.pid}` : undefined,
      ready: this.ready,
      started: !!this.#child,
      restartCount: this.restartCount,
      state: this.state,
      lastState: this.lastState,
    };
  }
}
