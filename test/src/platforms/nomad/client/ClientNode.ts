import { ClusterState } from '../state/ClusterState';
import { Allocation, isTerminal, Json } from '../model';
import { AllocRunner, ClientAllocUpdate } from './AllocRunner';

/**
 * One client node: watches the allocations the servers assign to it and
 * runs, updates or stops them, reporting their state back. Stopped
 * allocations' directories stay until the agent stops, as Nomad keeps them
 * until garbage collection.
 */
export class ClientNode {
  readonly node: Json;
  readonly runners = new Map<string, AllocRunner>();
  readonly #state: ClusterState;
  readonly #dataDir: string;
  readonly #region: string;
  readonly #report: (allocId: string, update: ClientAllocUpdate) => void;
  #down = false;

  constructor(options: {
    state: ClusterState;
    node: Json;
    dataDir: string;
    region: string;
    report(allocId: string, update: ClientAllocUpdate): void;
  }) {
    this.node = options.node;
    this.#state = options.state;
    this.#dataDir = options.dataDir;
    this.#region = options.region;
    this.#report = options.report;
    this.#state.events.on('allocs', (allocs: Allocation[]) =>
      this.#sync(allocs),
    );
    this.#state.events.on('variables', () => {
      for (const runner of this.runners.values())
        void runner.variablesChanged();
    });
  }

  #sync(allocs: Allocation[]): void {
    if (this.#down) return;
    for (const alloc of allocs) {
      if (alloc.NodeID !== this.node.ID) continue;
      const runner = this.runners.get(alloc.ID);
      if (!runner) {
        if (alloc.DesiredStatus === 'run' && !isTerminal(alloc))
          this.#start(alloc);
        continue;
      }
      if (
        alloc.DesiredStatus !== 'run' &&
        runner.alloc.DesiredStatus === 'run'
      ) {
        runner.alloc = alloc;
        void runner.stop(alloc.DesiredDescription);
      } else if (
        alloc.Job.JobModifyIndex !== runner.alloc.Job.JobModifyIndex ||
        alloc.DeploymentID !== runner.alloc.DeploymentID
      ) {
        runner.updateJob(alloc);
      } else {
        runner.alloc = alloc;
      }
    }
  }

  #start(alloc: Allocation): void {
    const variable = (path: string) =>
      this.#state.variable(alloc.Namespace, path)?.Items;
    const previous = alloc.PreviousAllocation
      ? this.runners.get(alloc.PreviousAllocation)
      : undefined;
    const runner = new AllocRunner(alloc, {
      node: this.node,
      dataDir: this.#dataDir,
      region: this.#region,
      variable,
      previous,
      report: update => {
        if (!this.#down) this.#report(alloc.ID, update);
      },
    });
    this.runners.set(alloc.ID, runner);
    void runner.run();
  }

  /** The client went away: its processes die with it and it reports nothing more. */
  async lose(): Promise<void> {
    this.#down = true;
    await this.stopAll();
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.runners.values()].map(r => r.stop('client shutting down')),
    );
  }

  async destroyAll(): Promise<void> {
    for (const runner of this.runners.values()) await runner.destroy();
  }
}
