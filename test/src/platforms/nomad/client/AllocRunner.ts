import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Allocation, Json } from '../model';
import { AllocChecks } from './checks';
import { TaskRunner } from './TaskRunner';
import { allocPaths, AllocPaths, taskEnv } from './taskEnv';
import { TemplateContext } from './template';

/** What the client reports of an allocation to the servers. */
export interface ClientAllocUpdate {
  ClientStatus: string;
  ClientDescription: string;
  TaskStates: Json;
  DeploymentStatus?: Json | null;
}

export interface AllocRunnerOptions {
  node: Json;
  dataDir: string;
  region: string;
  variable: TemplateContext['variable'];
  /** The runner of the allocation this one replaces on the same client, for sticky disks. */
  previous?: AllocRunner;
  report(update: ClientAllocUpdate): void;
}

/**
 * Runs an allocation on a client: its directory (`alloc/` shared by the
 * tasks, with a sticky disk carried over from the allocation it replaces),
 * a TaskRunner per task, the Nomad-native service checks, and the health
 * a deployment waits for (tasks running, checks passing, for
 * min_healthy_time, within healthy_deadline).
 */
export class AllocRunner {
  alloc: Allocation;
  readonly paths: AllocPaths;
  readonly tasks = new Map<string, TaskRunner>();
  readonly #options: AllocRunnerOptions;
  #checks: AllocChecks;
  #healthyTimer?: NodeJS.Timeout;
  #deadlineTimer?: NodeJS.Timeout;
  #health: boolean | null = null;
  #stopped = false;
  #done: Promise<void>;
  #markDone!: () => void;

  constructor(alloc: Allocation, options: AllocRunnerOptions) {
    this.alloc = alloc;
    this.#options = options;
    this.paths = allocPaths(options.dataDir, alloc.ID);
    this.#checks = new AllocChecks(alloc, () => this.#report());
    this.#done = new Promise(resolve => (this.#markDone = resolve));
  }

  /** Resolves once every task is dead. */
  get done(): Promise<void> {
    return this.#done;
  }

  get group(): Json {
    return this.alloc.Job.TaskGroups.find(
      (g: Json) => g.Name === this.alloc.TaskGroup,
    )!;
  }

  async run(): Promise<void> {
    await mkdir(join(this.paths.shared, 'logs'), { recursive: true });
    await mkdir(join(this.paths.shared, 'tmp'), { recursive: true });
    await this.#takeStickyDisk();
    await mkdir(join(this.paths.shared, 'data'), { recursive: true });
    for (const task of this.group.Tasks) {
      const runner = new TaskRunner({
        task,
        dirs: this.paths.task(task.Name),
        logDir: join(this.paths.shared, 'logs'),
        env: taskEnv(
          this.alloc,
          task,
          this.paths,
          this.#options.node,
          this.#options.region,
        ),
        node: this.#options.node,
        variables: () => this.#options.variable,
        report: () => this.#report(),
      });
      this.tasks.set(task.Name, runner);
    }
    this.#watchHealth();
    this.#report();
    await Promise.all([...this.tasks.values()].map(t => t.run()));
  }

  /** An in-place update: same tasks, a newer job version. */
  updateJob(alloc: Allocation): void {
    this.alloc = alloc;
    if (alloc.DeploymentID && !alloc.DeploymentStatus) {
      // A new deployment judges health afresh.
      this.#health = null;
      clearTimeout(this.#healthyTimer);
      this.#healthyTimer = undefined;
      this.#watchHealth();
    }
    this.#report();
  }

  async variablesChanged(): Promise<void> {
    for (const task of this.tasks.values()) await task.variablesChanged();
  }

  async stop(reason = ''): Promise<void> {
    this.#stopped = true;
    this.#checks.stop();
    clearTimeout(this.#healthyTimer);
    clearTimeout(this.#deadlineTimer);
    await Promise.all([...this.tasks.values()].map(t => t.stop(reason)));
    this.#report();
  }

  async restart(taskName?: string): Promise<void> {
    for (const [name, task] of this.tasks) {
      if (!taskName || name === taskName)
        await task.restart('User requested restart');
    }
  }

  async destroy(): Promise<void> {
    await rm(this.paths.root, { recursive: true, force: true });
  }

  /**
   * A sticky ephemeral disk follows the allocation that replaces it on the
   * same client: the previous allocation's `alloc/data` moves over once it
   * has stopped, so a destructive update keeps the data.
   */
  async #takeStickyDisk(): Promise<void> {
    const previous = this.#options.previous;
    const disk = this.group.EphemeralDisk ?? {};
    if (!previous || !(disk.Sticky || disk.Migrate)) return;
    await previous.done;
    const from = join(previous.paths.shared, 'data');
    const to = join(this.paths.shared, 'data');
    try {
      await rename(from, to);
    } catch {
      await cp(from, to, { recursive: true }).catch(() => undefined);
    }
  }

  #tasksRunning(): boolean {
    return [...this.tasks.values()].every(t => t.state.State === 'running');
  }

  #watchHealth(): void {
    const update = this.group.Update;
    if (!this.alloc.DeploymentID || !update) return;
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = setTimeout(() => {
      if (this.#health === null) this.#setHealth(false);
    }, update.HealthyDeadline / 1e6);
  }

  /** Healthy once tasks run (and checks pass, with health_check "checks") for min_healthy_time. */
  #evaluateHealth(): void {
    const update = this.group.Update;
    if (
      !this.alloc.DeploymentID ||
      !update ||
      this.#health !== null ||
      this.#stopped
    )
      return;
    if ([...this.tasks.values()].some(t => t.dead && t.state.Failed)) {
      this.#setHealth(false);
      return;
    }
    const ready =
      this.#tasksRunning() &&
      (update.HealthCheck !== 'checks' || this.#checks.passing);
    if (!ready) {
      clearTimeout(this.#healthyTimer);
      this.#healthyTimer = undefined;
    } else if (!this.#healthyTimer) {
      this.#healthyTimer = setTimeout(
        () => this.#setHealth(true),
        update.MinHealthyTime / 1e6,
      );
    }
  }

  #setHealth(healthy: boolean): void {
    this.#health = healthy;
    this.#healthyTimer = undefined;
    clearTimeout(this.#deadlineTimer);
    this.#report();
  }

  #checksStarted = false;

  #report(): void {
    if (!this.#checksStarted && this.tasks.size && this.#tasksRunning()) {
      this.#checksStarted = true;
      this.#checks.start();
    }
    this.#evaluateHealth();
    const tasks = [...this.tasks.values()];
    const states: Json = {};
    for (const [name, task] of this.tasks)
      states[name] = structuredClone(task.state);
    // The client's order (getClientStatus): failed, running, pending, complete.
    let status = 'pending';
    let description = 'No tasks have started';
    if (tasks.some(t => t.dead && t.state.Failed)) {
      status = 'failed';
      description = 'Failed tasks';
    } else if (tasks.some(t => t.state.State === 'running')) {
      status = 'running';
      description = 'Tasks are running';
    } else if (tasks.length && tasks.every(t => t.dead)) {
      status = 'complete';
      description = 'All tasks have completed';
    }
    if (tasks.length && tasks.every(t => t.dead)) {
      this.#checks.stop();
      this.#markDone();
    }
    this.#options.report({
      ClientStatus: status,
      ClientDescription: description,
      TaskStates: states,
      DeploymentStatus:
        this.#health === null
          ? this.alloc.DeploymentStatus ?? null
          : {
              Healthy: this.#health,
              Timestamp: new Date().toISOString(),
              Canary: false,
              ModifyIndex: 0,
            },
    });
  }

  get checkResults(): Json {
    return this.#checks.results;
  }
}
