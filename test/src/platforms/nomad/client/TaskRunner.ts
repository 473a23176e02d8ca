import { ChildProcess, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Json, Task } from '../model';
import { fetchArtifact } from './artifacts';
import { RestartTracker } from './restartTracker';
import { renderTemplate, TemplateContext } from './template';
import { goDuration, taskEvent } from './taskEvents';
import { interpolate } from './taskEnv';
import { processStats } from './processStats';

/** What a task runner is given about its allocation. */
export interface TaskRunnerContext {
  task: Task;
  dirs: { root: string; local: string; secrets: string; tmp: string };
  logDir: string;
  env: Record<string, string>;
  node: Json;
  variables(): TemplateContext['variable'];
  /** Called with the task state whenever it changes. */
  report(): void;
}

const SIGNALS: Record<string, NodeJS.Signals> = {
  SIGINT: 'SIGINT',
  SIGTERM: 'SIGTERM',
  SIGKILL: 'SIGKILL',
  SIGHUP: 'SIGHUP',
  SIGUSR1: 'SIGUSR1',
  SIGUSR2: 'SIGUSR2',
};

/**
 * Runs one `raw_exec` (or `exec`) task as a real process: builds its
 * directory, fetches artifacts, renders templates, starts the command with
 * the task environment, restarts it by its restart policy, applies template
 * changes by their change_mode, and kills it with kill_signal, then
 * SIGKILL after kill_timeout. Its state and the latest ten events are the
 * TaskState of the allocation API.
 */
export class TaskRunner {
  readonly state: Json = {
    State: 'pending',
    Failed: false,
    Restarts: 0,
    StartedAt: null,
    FinishedAt: null,
    LastRestart: null,
    Events: [],
    TaskHandle: null,
  };
  readonly #ctx: TaskRunnerContext;
  readonly #restarts: RestartTracker;
  #process?: ChildProcess;
  #stopping = false;
  #restartRequested?: string;
  #oomKilled = false;
  #artifactsFetched = false;
  #rendered = new Map<string, string>();
  #timer?: NodeJS.Timeout;
  #exited?: Promise<void>;
  #waitingForVariables = false;
  #renders: Promise<void> = Promise.resolve();

  constructor(ctx: TaskRunnerContext) {
    this.#ctx = ctx;
    this.#restarts = new RestartTracker(ctx.task.RestartPolicy);
    this.#event('Received', 'Task received by client');
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  get dead(): boolean {
    return this.state.State === 'dead';
  }

  async run(): Promise<void> {
    this.#event('Task Setup', 'Building Task Directory', {
      Message: 'Building Task Directory',
    });
    const { dirs } = this.#ctx;
    for (const dir of [dirs.local, dirs.secrets, dirs.tmp])
      await mkdir(dir, { recursive: true });
    await chmod(dirs.secrets, 0o700);
    if (!(await this.#fetchArtifacts())) return;
    if (!(await this.#renderTemplates(true))) return;
    await this.#start();
  }

  /**
   * Nomad's artifact hook: a failed download goes to the restart policy,
   * and each restart tries the download again until it has succeeded once.
   */
  async #fetchArtifacts(): Promise<boolean> {
    if (this.#artifactsFetched) return true;
    for (const artifact of this.#ctx.task.Artifacts ?? []) {
      this.#event('Downloading Artifacts', `Client is downloading artifacts`);
      try {
        await fetchArtifact(artifact, this.#ctx.dirs.root);
      } catch (error) {
        const message = (error as Error).message;
        this.#event('Failed Artifact Download', message, {
          DownloadError: message,
        });
        this.#afterExit();
        return false;
      }
    }
    this.#artifactsFetched = true;
    return true;
  }

  /** Re-renders templates after a variable changed, and applies each change mode. */
  variablesChanged(): Promise<void> {
    // One render at a time: two variable writes in a row would otherwise
    // both find the task waiting, write its files over each other and
    // start it twice, which Nomad's template runner never does.
    this.#renders = this.#renders
      .catch(() => undefined)
      .then(() => this.#afterVariablesChanged());
    return this.#renders;
  }

  async #afterVariablesChanged(): Promise<void> {
    if (this.#stopping || this.dead) return;
    if (this.#waitingForVariables) {
      if (await this.#renderTemplates(true)) await this.#start();
      return;
    }
    await this.#renderTemplates(false);
  }

  async stop(reason = ''): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    if (!this.#process) {
      this.#finish(false);
      return;
    }
    await this.#kill(reason);
  }

  /** A restart asked for by a user or a template; it does not count against the policy. */
  async restart(reason: string): Promise<void> {
    if (!this.#process || this.#stopping) return;
    this.#restartRequested = reason;
    this.#event('Restart Signaled', reason, { RestartReason: reason });
    await this.#kill('');
  }

  async stats(): Promise<{ rss: number; cpuSeconds: number } | undefined> {
    return this.#process?.pid ? processStats(this.#process.pid) : undefined;
  }

  async #renderTemplates(first: boolean): Promise<boolean> {
    const ctx: TemplateContext = {
      env: this.#ctx.env,
      variable: this.#ctx.variables(),
    };
    let restart = false;
    const signals: string[] = [];
    for (const template of this.#ctx.task.Templates ?? []) {
      const result = renderTemplate(template.EmbeddedTmpl, ctx);
      if ('missing' in result) {
        if (first) {
          this.#waitingForVariables = true;
          const names = result.missing.map(
            p =>
              `nomad.var.block(${p}@${this.#ctx.env.NOMAD_NAMESPACE}.${
                this.#ctx.env.NOMAD_REGION
              })`,
          );
          this.#event('Template', `Missing: ${names.join(', ')}`);
          return false;
        }
        continue;
      }
      const dest = join(this.#ctx.dirs.root, template.DestPath);
      if (this.#rendered.get(dest) === result.text) continue;
      await mkdir(dirname(dest), { recursive: true });
      await writeFile(dest, result.text, {
        mode: parseInt(template.Perms || '0644', 8),
      });
      await chmod(dest, parseInt(template.Perms || '0644', 8));
      const changed = this.#rendered.has(dest);
      this.#rendered.set(dest, result.text);
      if (!changed || first) continue;
      if (template.ChangeMode === 'restart') restart = true;
      if (template.ChangeMode === 'signal') signals.push(template.ChangeSignal);
    }
    this.#waitingForVariables = false;
    if (restart)
      await this.restart('Template with change_mode restart re-rendered');
    else {
      for (const signal of signals) {
        this.#event('Signaling', 'Template re-rendered', {
          TaskSignal: signal,
          TaskSignalReason: 'Template re-rendered',
        });
        this.#process?.kill(SIGNALS[signal] ?? 'SIGHUP');
      }
    }
    return true;
  }

  async #start(): Promise<void> {
    if (this.#stopping) return;
    const { task, env, node, dirs, logDir } = this.#ctx;
    const command = interpolate(String(task.Config.command), env, node);
    const args = ((task.Config.args ?? []) as string[]).map(a =>
      interpolate(a, env, node),
    );
    await mkdir(logDir, { recursive: true });
    const stdout = openSync(join(logDir, `${task.Name}.stdout.0`), 'a');
    const stderr = openSync(join(logDir, `${task.Name}.stderr.0`), 'a');
    const child = spawn(command, args, {
      cwd: dirs.root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', stdout, stderr],
    });
    closeSync(stdout);
    closeSync(stderr);
    this.#process = child;
    this.#oomKilled = false;
    const memoryWatch = this.#enforceMemory(child);
    this.#exited = new Promise(resolve => {
      child.once('error', error => {
        const message = `failed to launch command with executor: rpc error: code = Unknown desc = ${error.message}`;
        this.#event('Driver Failure', message, { DriverError: message });
        this.#process = undefined;
        resolve();
        // A command that is not there or not executable will not be there
        // on the next try: Nomad marks such a start error unrecoverable.
        if (!this.#stopping) {
          this.#event('Not Restarting', 'Error was unrecoverable', {
            FailsTask: true,
            RestartReason: 'Error was unrecoverable',
          });
          this.#finish(true);
        }
      });
      child.once('exit', (code, signal) => {
        clearInterval(memoryWatch);
        this.#process = undefined;
        resolve();
        this.#exitedWith(code, signal);
      });
    });
    child.once('spawn', () => {
      this.state.State = 'running';
      this.state.StartedAt = new Date().toISOString();
      this.#event('Started', 'Task started by client');
    });
  }

  #exitedWith(code: number | null, signal: NodeJS.Signals | null): void {
    const signalNumber = signal
      ? ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Json)[signal] ?? 0
      : 0;
    if (this.#stopping) {
      this.#event('Killed', 'Task successfully killed');
      this.#finish(false);
      return;
    }
    if (this.#restartRequested) {
      this.#event('Terminated', `Exit Code: ${code ?? 0}`, {
        ExitCode: code ?? 0,
        Signal: signalNumber,
      });
      this.#restartRequested = undefined;
      this.#restartAfter(0, 'Restart requested');
      return;
    }
    if (this.#oomKilled) {
      this.#event(
        'Terminated',
        'Exit Code: 137, Signal: 9, Exit Message: "OOM Killed"',
        {
          ExitCode: 137,
          Signal: 9,
          Message: 'OOM Killed',
          Details: { exit_code: '137', signal: '9', oom_killed: 'true' },
        },
      );
    } else {
      this.#event(
        'Terminated',
        `Exit Code: ${code ?? 0}${signal ? `, Signal: ${signalNumber}` : ''}`,
        {
          ExitCode: code ?? 0,
          Signal: signalNumber,
        },
      );
    }
    this.#afterExit();
  }

  /** The restart policy decides what follows an exit or a failed start. */
  #afterExit(): void {
    if (this.#stopping) {
      this.#finish(false);
      return;
    }
    const decision = this.#restarts.decide();
    if (!decision.restart) {
      this.#event('Not Restarting', decision.reason, {
        FailsTask: true,
        RestartReason: decision.reason,
      });
      this.#finish(true);
      return;
    }
    this.#restartAfter(decision.delayMs, decision.reason);
  }

  #restartAfter(delayMs: number, reason: string): void {
    this.state.State = 'pending';
    this.#event(
      'Restarting',
      `Task restarting in ${goDuration(delayMs * 1e6)}`,
      {
        StartDelay: delayMs * 1e6,
        RestartReason: reason,
      },
    );
    this.#timer = setTimeout(() => {
      this.state.Restarts += 1;
      this.state.LastRestart = new Date().toISOString();
      this.#fetchArtifacts()
        .then(fetched => (fetched ? this.#start() : undefined))
        .catch(() => undefined);
    }, delayMs);
  }

  /**
   * `exec` puts a task in a memory cgroup limited to its MemoryMaxMB (or
   * MemoryMB): the kernel kills a task that goes beyond it, and Nomad
   * reports the exit as OOM killed. `raw_exec` has no such limit.
   */
  #enforceMemory(child: ChildProcess): NodeJS.Timeout | undefined {
    const { task } = this.#ctx;
    const limitMb = task.Resources?.MemoryMaxMB || task.Resources?.MemoryMB;
    if (task.Driver !== 'exec' || !limitMb) return undefined;
    const timer = setInterval(async () => {
      const stats = child.pid ? await processStats(child.pid) : undefined;
      if (stats && stats.rss > limitMb * 1024 * 1024 && !this.#oomKilled) {
        this.#oomKilled = true;
        child.kill('SIGKILL');
      }
    }, 100);
    timer.unref();
    return timer;
  }

  async #kill(reason: string): Promise<void> {
    const child = this.#process;
    if (!child) return;
    const timeoutMs = (this.#ctx.task.KillTimeout ?? 5e9) / 1e6;
    this.#event(
      'Killing',
      `Sent interrupt. Waiting ${goDuration(
        timeoutMs * 1e6,
      )} before force killing`,
      {
        KillTimeout: timeoutMs * 1e6,
        KillReason: reason,
      },
    );
    const exited = this.#exited;
    child.kill(SIGNALS[this.#ctx.task.KillSignal] ?? 'SIGINT');
    const force = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(force);
  }

  #finish(failed: boolean): void {
    this.state.State = 'dead';
    this.state.Failed = failed;
    this.state.FinishedAt = new Date().toISOString();
    this.#ctx.report();
  }

  #event(type: string, message: string, fields: Json = {}): void {
    this.state.Events = [
      ...this.state.Events,
      taskEvent(type, message, fields),
    ].slice(-10);
    this.#ctx.report();
  }
}
