import { EventEmitter } from 'node:events';
import {
  Allocation,
  clone,
  Deployment,
  Evaluation,
  Job,
  Json,
  nowNs,
} from '../model';
import { StateStore, Table } from './StateStore';

/** A job and every version of it, newest first. */
export interface JobEntry {
  job: Job;
  versions: Job[];
}

const key = (namespace: string, id: string) => `${namespace}\u0000${id}`;

/**
 * What the agent's servers hold: jobs with their versions, allocations,
 * evaluations, deployments, variables and client nodes, each write taking
 * the next Raft index. Objects are stored in the shapes the API answers.
 * Events tell the scheduler and the clients what changed.
 */
export class ClusterState {
  readonly store = new StateStore();
  readonly events = new EventEmitter();
  readonly #jobs = new Map<string, JobEntry>();
  readonly allocs = new Map<string, Allocation>();
  readonly evals = new Map<string, Evaluation>();
  readonly deployments = new Map<string, Deployment>();
  readonly variables = new Map<string, Json>();
  readonly nodes = new Map<string, Json>();

  constructor() {
    this.events.setMaxListeners(0);
  }

  commit(...tables: Table[]): number {
    return this.store.commit(...tables);
  }

  // Jobs

  job(namespace: string, id: string): JobEntry | undefined {
    return this.#jobs.get(key(namespace, id));
  }

  jobs(): JobEntry[] {
    return [...this.#jobs.values()];
  }

  /**
   * Stores a job. A job whose specification changed gets the next version;
   * one written again unchanged keeps its version (as Nomad does when only
   * internal fields such as Stop move, `keepVersion`).
   */
  putJob(job: Job, options: { keepVersion?: boolean } = {}): Job {
    const index = this.commit('jobs', 'job_version');
    const existing = this.job(job.Namespace, job.ID);
    const stored = clone(job);
    stored.CreateIndex = existing?.job.CreateIndex ?? index;
    stored.ModifyIndex = index;
    stored.SubmitTime = nowNs();
    if (existing && options.keepVersion) {
      stored.Version = existing.job.Version;
      stored.JobModifyIndex = existing.job.JobModifyIndex;
    } else {
      stored.Version = existing ? existing.job.Version + 1 : 0;
      stored.JobModifyIndex = index;
      stored.Stable = false;
    }
    stored.Status = existing?.job.Status ?? 'pending';
    stored.StatusDescription ??= '';
    let versions = [stored];
    if (existing) {
      versions = options.keepVersion
        ? [stored, ...existing.versions.slice(1)]
        : [stored, ...existing.versions];
    }
    // Nomad keeps a bounded history; six is its default for job versions.
    this.#jobs.set(key(job.Namespace, job.ID), {
      job: stored,
      versions: versions.slice(0, 6),
    });
    return stored;
  }

  /** Changes fields Nomad maintains itself (status, stability) without a new version. */
  touchJob(namespace: string, id: string, change: (job: Job) => void): void {
    const entry = this.job(namespace, id);
    if (!entry) return;
    change(entry.job);
    entry.job.ModifyIndex = this.commit('jobs');
  }

  purgeJob(namespace: string, id: string): void {
    this.#jobs.delete(key(namespace, id));
    this.commit('jobs', 'job_version');
  }

  // Allocations, evaluations, deployments

  allocsOfJob(namespace: string, jobId: string): Allocation[] {
    return [...this.allocs.values()]
      .filter(a => a.Namespace === namespace && a.JobID === jobId)
      .sort((a, b) => b.CreateIndex - a.CreateIndex);
  }

  /** Writes allocations (new ones or changed ones) at one index. */
  putAllocs(allocs: Allocation[]): void {
    if (!allocs.length) return;
    const index = this.commit('allocs');
    const now = nowNs();
    for (const alloc of allocs) {
      alloc.CreateIndex ??= index;
      alloc.CreateTime ??= now;
      alloc.ModifyIndex = index;
      alloc.AllocModifyIndex = index;
      alloc.ModifyTime = now;
      this.allocs.set(alloc.ID, alloc);
    }
    this.events.emit('allocs', allocs);
  }

  putEval(evaluation: Evaluation): void {
    const index = this.commit('evals');
    evaluation.CreateIndex ??= index;
    evaluation.ModifyIndex = index;
    evaluation.CreateTime ??= nowNs();
    evaluation.ModifyTime = nowNs();
    this.evals.set(evaluation.ID, evaluation);
    this.events.emit('eval', evaluation);
  }

  putDeployment(deployment: Deployment): void {
    const index = this.commit('deployment');
    deployment.CreateIndex ??= index;
    deployment.ModifyIndex = index;
    this.deployments.set(deployment.ID, deployment);
  }

  // Variables

  variable(namespace: string, path: string): Json | undefined {
    return this.variables.get(key(namespace, path));
  }

  putVariable(
    namespace: string,
    path: string,
    items: Record<string, string>,
  ): Json {
    const index = this.commit('variables');
    const existing = this.variable(namespace, path);
    const now = nowNs();
    const variable = {
      Namespace: namespace,
      Path: path,
      CreateIndex: existing?.CreateIndex ?? index,
      ModifyIndex: index,
      CreateTime: existing?.CreateTime ?? now,
      ModifyTime: now,
      Items: { ...items },
    };
    this.variables.set(key(namespace, path), variable);
    this.events.emit('variables');
    return variable;
  }

  deleteVariable(namespace: string, path: string): number {
    this.variables.delete(key(namespace, path));
    const index = this.commit('variables');
    this.events.emit('variables');
    return index;
  }
}
