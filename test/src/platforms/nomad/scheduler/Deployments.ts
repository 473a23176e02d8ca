import { ClusterState } from '../state/ClusterState';
import { Allocation, Deployment, Job, Json, newId } from '../model';
import { Reconciled } from './reconcile';

/**
 * Deployments: one per job version that changes allocations of a service
 * job, tracking per group how many of its allocations turned healthy.
 * Healthy everywhere: successful, and the version is marked stable. An
 * unhealthy allocation or a passed progress deadline fails it and, with
 * `auto_revert`, registers the latest stable version again.
 */
export class Deployments {
  readonly #state: ClusterState;
  readonly #evaluate: (job: Job, reason: string) => void;
  readonly #deadlines = new Map<string, NodeJS.Timeout>();

  constructor(
    state: ClusterState,
    evaluate: (job: Job, reason: string) => void,
  ) {
    this.#state = state;
    this.#evaluate = evaluate;
    state.events.on('allocs', (allocs: Allocation[]) => {
      const ids = new Set(allocs.map(a => a.DeploymentID).filter(Boolean));
      for (const id of ids) this.#watch(id);
    });
  }

  /** The deployment a plan's allocations belong to, made if the plan changes any. */
  forPlan(
    job: Job,
    reconciled: Reconciled,
    placed: Allocation[],
  ): Deployment | undefined {
    if (job.Type !== 'service') return undefined;
    const changed = new Set([
      ...placed.map(a => a.TaskGroup),
      ...reconciled.inPlace.map(a => a.TaskGroup),
    ]);
    if (!changed.size) return undefined;
    const existing = [...this.#state.deployments.values()].find(
      d =>
        d.JobID === job.ID &&
        d.Namespace === job.Namespace &&
        d.JobVersion === job.Version &&
        d.JobCreateIndex === job.CreateIndex &&
        d.Status === 'running',
    );
    if (existing) return existing;
    for (const d of this.#state.deployments.values()) {
      if (
        d.JobID === job.ID &&
        d.Namespace === job.Namespace &&
        d.Status === 'running'
      ) {
        this.#finish(d, 'cancelled', 'Cancelled due to newer version of job');
      }
    }
    const groups: Json = {};
    for (const group of job.TaskGroups) {
      if (!changed.has(group.Name) || !group.Update) continue;
      groups[group.Name] = {
        AutoRevert: !!group.Update.AutoRevert,
        AutoPromote: false,
        Promoted: false,
        PlacedCanaries: null,
        DesiredCanaries: 0,
        DesiredTotal: group.Count,
        PlacedAllocs: 0,
        HealthyAllocs: 0,
        UnhealthyAllocs: 0,
        ProgressDeadline: group.Update.ProgressDeadline,
        RequireProgressBy: new Date(
          Date.now() + group.Update.ProgressDeadline / 1e6,
        ).toISOString(),
      };
    }
    const deployment: Deployment = {
      ID: newId(),
      Namespace: job.Namespace,
      JobID: job.ID,
      JobVersion: job.Version,
      JobModifyIndex: job.JobModifyIndex,
      JobSpecModifyIndex: job.JobModifyIndex,
      JobCreateIndex: job.CreateIndex,
      IsMultiregion: false,
      Status: 'running',
      StatusDescription: 'Deployment is running',
      TaskGroups: groups,
      EvalPriority: job.Priority,
    };
    this.#state.putDeployment(deployment);
    const deadline = Math.max(
      ...Object.values<Json>(groups).map(g => g.ProgressDeadline / 1e6),
      0,
    );
    if (deadline > 0) {
      this.#deadlines.set(
        deployment.ID,
        setTimeout(() => {
          const d = this.#state.deployments.get(deployment.ID);
          if (d?.Status === 'running')
            this.#fail(d, 'Failed due to progress deadline');
        }, deadline).unref(),
      );
    }
    return deployment;
  }

  #watch(id: string): void {
    const deployment = this.#state.deployments.get(id);
    if (!deployment || deployment.Status !== 'running') return;
    const allocs = [...this.#state.allocs.values()].filter(
      a => a.DeploymentID === id,
    );
    let unhealthy = false;
    let done = true;
    const groups: Json = {};
    for (const [name, group] of Object.entries<Json>(deployment.TaskGroups)) {
      const mine = allocs.filter(
        a => a.TaskGroup === name && a.DesiredStatus === 'run',
      );
      const healthy = mine.filter(
        a => a.DeploymentStatus?.Healthy === true,
      ).length;
      const bad = mine.filter(
        a => a.DeploymentStatus?.Healthy === false,
      ).length;
      groups[name] = {
        ...group,
        PlacedAllocs: mine.length,
        HealthyAllocs: healthy,
        UnhealthyAllocs: bad,
      };
      unhealthy ||= bad > 0;
      done &&= healthy >= group.DesiredTotal;
    }
    this.#state.putDeployment({ ...deployment, TaskGroups: groups });
    const current = this.#state.deployments.get(id)!;
    if (unhealthy) this.#fail(current, 'Failed due to unhealthy allocations');
    else if (done) {
      this.#finish(current, 'successful', 'Deployment completed successfully');
      const entry = this.#state.job(current.Namespace, current.JobID);
      const version = entry?.versions.find(
        v => v.Version === current.JobVersion,
      );
      if (entry && version) {
        version.Stable = true;
        if (entry.job.Version === current.JobVersion)
          this.#state.touchJob(current.Namespace, current.JobID, j => {
            j.Stable = true;
          });
      }
    }
  }

  #fail(deployment: Deployment, description: string): void {
    const entry = this.#state.job(deployment.Namespace, deployment.JobID);
    const autoRevert = Object.values<Json>(deployment.TaskGroups).some(
      g => g.AutoRevert,
    );
    const stable = entry?.versions.find(
      v => v.Stable && v.Version !== deployment.JobVersion,
    );
    if (autoRevert && entry && stable) {
      this.#finish(
        deployment,
        'failed',
        `${description} - rolling back to job version ${stable.Version}`,
      );
      const reverted = this.#state.putJob({
        ...structuredClone(stable),
        Stop: false,
      });
      this.#evaluate(reverted, 'rollback');
    } else {
      this.#finish(deployment, 'failed', description);
    }
  }

  #finish(deployment: Deployment, status: string, description: string): void {
    clearTimeout(this.#deadlines.get(deployment.ID));
    this.#deadlines.delete(deployment.ID);
    this.#state.putDeployment({
      ...deployment,
      Status: status,
      StatusDescription: description,
    });
  }
}
