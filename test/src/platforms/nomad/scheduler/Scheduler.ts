import { ClusterState } from '../state/ClusterState';
import { Allocation, clone, Evaluation, isTerminal, Job, Json } from '../model';
import { reconcile, Reconciled } from './reconcile';
import { place, PlacementOutcome } from './placement';
import { newEvaluation } from './evaluations';
import { Deployments } from './Deployments';

/** A dry run's answer: what would be done, and what would not fit. */
export interface PlanOutcome {
  reconciled: Reconciled;
  failed: PlacementOutcome['failed'];
}

/**
 * The agent's scheduler: takes pending evaluations in order, reconciles the
 * job against its allocations, places what is missing on client nodes and
 * writes the plan. An evaluation that could not place everything completes
 * with FailedTGAllocs and leaves a blocked evaluation, which runs again when
 * capacity frees (an allocation stops, a node comes back), as in Nomad.
 */
export class Scheduler {
  readonly #state: ClusterState;
  readonly deployments: Deployments;
  #queue: Promise<void> = Promise.resolve();

  constructor(state: ClusterState) {
    this.#state = state;
    this.deployments = new Deployments(state, (job, reason) =>
      this.enqueue(job, reason),
    );
    state.events.on('eval', (evaluation: Evaluation) => {
      if (evaluation.Status === 'pending') this.#schedule(evaluation);
    });
    state.events.on('capacity', () => this.#unblock());
  }

  /** Creates and queues an evaluation for `job`. */
  enqueue(
    job: Job,
    triggeredBy: string,
    extra: Partial<Evaluation> = {},
  ): Evaluation {
    const evaluation = newEvaluation(job, triggeredBy, extra);
    this.#state.putEval(evaluation);
    return evaluation;
  }

  /** What registering `job` would do, without doing it. */
  plan(job: Job): PlanOutcome {
    const allocs = this.#state.allocsOfJob(job.Namespace, job.ID);
    const reconciled = reconcile(job, allocs);
    const stopping = new Set(reconciled.stop.map(s => s.alloc.ID));
    const { failed } = place(
      job,
      reconciled.place,
      [...this.#state.nodes.values()],
      [...this.#state.allocs.values()],
      stopping,
      'plan',
    );
    return { reconciled, failed };
  }

  #schedule(evaluation: Evaluation): void {
    // One evaluation at a time, as a single scheduler worker would.
    this.#queue = this.#queue.then(
      () =>
        new Promise<void>(resolve =>
          setImmediate(() => {
            try {
              this.#process(evaluation);
            } finally {
              resolve();
            }
          }),
        ),
    );
  }

  #process(evaluation: Evaluation): void {
    const state = this.#state;
    if (evaluation.Status !== 'pending') return;
    const job = state.job(evaluation.Namespace, evaluation.JobID)?.job;
    const allocs = state.allocsOfJob(evaluation.Namespace, evaluation.JobID);
    const reconciled = reconcile(job, allocs);
    const stopping = new Set(reconciled.stop.map(s => s.alloc.ID));
    const outcome = job
      ? place(
          job,
          reconciled.place,
          [...state.nodes.values()],
          [...state.allocs.values()],
          stopping,
          evaluation.ID,
        )
      : { placed: [], failed: {} };

    const writes: Allocation[] = [];
    for (const { alloc, description } of reconciled.stop) {
      writes.push({
        ...alloc,
        DesiredStatus: 'stop',
        DesiredDescription: description,
      });
    }
    const deployment = job
      ? this.deployments.forPlan(job, reconciled, outcome.placed)
      : undefined;
    for (const alloc of reconciled.inPlace) {
      writes.push({
        ...alloc,
        Job: clone(job!),
        JobVersion: job!.Version,
        DeploymentID: deployment?.ID ?? alloc.DeploymentID,
        DeploymentStatus: deployment ? null : alloc.DeploymentStatus,
      });
    }
    for (const alloc of outcome.placed) {
      if (deployment) alloc.DeploymentID = deployment.ID;
      writes.push(alloc);
      if (alloc.PreviousAllocation) {
        const previous = state.allocs.get(alloc.PreviousAllocation);
        if (previous) writes.push({ ...previous, NextAllocation: alloc.ID });
      }
    }
    state.putAllocs(writes);

    const failed = Object.keys(outcome.failed).length ? outcome.failed : null;
    const queued: Json = {};
    for (const group of job?.TaskGroups ?? []) queued[group.Name] = 0;
    for (const [group, metric] of Object.entries(outcome.failed)) {
      queued[group] = 1 + (metric.CoalescedFailures ?? 0);
    }
    let blocked: Evaluation | undefined;
    if (failed && job) {
      blocked = this.enqueue(job, 'queued-allocs', {
        Status: 'blocked',
        StatusDescription: 'created to place remaining allocations',
        PreviousEval: evaluation.ID,
      });
    }
    state.putEval({
      ...evaluation,
      Status: 'complete',
      FailedTGAllocs: failed,
      QueuedAllocations: queued,
      BlockedEval: blocked?.ID ?? '',
      DeploymentID: deployment?.ID ?? '',
    });
    if (job) this.refreshJobStatus(job.Namespace, job.ID);
  }

  /** Runs blocked evaluations again: capacity may have freed. */
  #unblock(): void {
    for (const evaluation of this.#state.evals.values()) {
      if (evaluation.Status !== 'blocked') continue;
      this.#state.putEval({ ...evaluation, Status: 'pending' });
    }
  }

  /** A job is pending until it has allocations, running while any is live, dead once stopped and all are done. */
  refreshJobStatus(namespace: string, id: string): void {
    const entry = this.#state.job(namespace, id);
    if (!entry) return;
    const allocs = this.#state.allocsOfJob(namespace, id);
    const live = allocs.some(a => !isTerminal(a));
    // Stopped, or every allocation done: dead; never placed yet: pending.
    let status = allocs.length || entry.job.Stop ? 'dead' : 'pending';
    if (live) status = 'running';
    if (entry.job.Status !== status) {
      this.#state.touchJob(namespace, id, j => {
        j.Status = status;
      });
    }
  }
}
