import { AgentCore, allowNamespace, namespaceOf } from '../core';
import { badRequest, HttpError, notFound } from '../http/HttpError';
import { blockingRead } from '../http/blocking';
import { RequestContext, Router } from '../http/router';
import { canonicalize } from '../jobs/canonicalize';
import { validateJob } from '../jobs/validate';
import { jobDiff } from '../jobs/diff';
import { isDestructive } from '../jobs/destructive';
import { Job, Json } from '../model';
import { allocStub } from './allocations';

/** Fields the servers maintain: not part of what makes two job specifications differ. */
const SERVER_FIELDS = [
  'Status',
  'StatusDescription',
  'Stable',
  'Version',
  'SubmitTime',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
];

function specOf(job: Json): string {
  const copy = { ...job };
  for (const field of SERVER_FIELDS) delete copy[field];
  return JSON.stringify(copy);
}

const ENFORCE = 'Enforcing job modify index';

/**
 * The EnforceIndex check-and-set of job register, with Nomad's messages.
 * Nomad returns these as plain errors, which its HTTP layer answers 500.
 */
function enforceIndex(body: Json, existing: Job | undefined): void {
  if (!body.EnforceIndex) return;
  const expected = Number(body.JobModifyIndex ?? 0);
  if (existing) {
    if (expected === 0)
      throw new HttpError(500, `${ENFORCE} 0: job already exists`);
    if (expected !== existing.JobModifyIndex) {
      throw new HttpError(
        500,
        `${ENFORCE} ${expected}: job exists with conflicting job modify index: ${existing.JobModifyIndex}`,
      );
    }
  } else if (expected !== 0) {
    throw new HttpError(500, `${ENFORCE} ${expected}: job does not exist`);
  }
}

/** Word for word what a plan's group diff lists the scheduler would do. */
function diffUpdates(desired: Json): Json {
  const out: Json = {};
  const names: Record<string, string> = {
    Place: 'create',
    Stop: 'destroy',
    DestructiveUpdate: 'create/destroy update',
    InPlaceUpdate: 'in-place update',
    Ignore: 'ignore',
  };
  for (const [key, name] of Object.entries(names))
    if (desired[key]) out[name] = desired[key];
  return out;
}

export function jobRoutes(router: Router, core: AgentCore): void {
  const { state, scheduler } = core;

  const readJobArg = (ctx: RequestContext): Job => {
    if (!ctx.body?.Job) throw badRequest('Job must be specified');
    const namespace = namespaceOf(core, ctx, ctx.body.Job.Namespace);
    allowNamespace(core, ctx, namespace, 'submit-job');
    const job = canonicalize(
      { ...ctx.body.Job, Namespace: namespace },
      { namespace, region: core.region },
    );
    validateJob(job, ctx.params.id);
    return job;
  };

  const existingJob = (ctx: RequestContext, capability = 'read-job') => {
    const namespace = namespaceOf(core, ctx);
    allowNamespace(core, ctx, namespace, capability);
    const entry = state.job(namespace, ctx.params.id);
    return { namespace, entry };
  };

  const register = async (ctx: RequestContext) => {
    const job = readJobArg(ctx);
    const existing = state.job(job.Namespace, job.ID)?.job;
    enforceIndex(ctx.body, existing);
    // Registering an unchanged job writes nothing, but still evaluates it.
    const stored =
      !existing || specOf(existing) !== specOf(job)
        ? state.putJob(job)
        : existing;
    const evaluation = scheduler.enqueue(stored, 'job-register');
    return {
      value: {
        EvalID: evaluation.ID,
        EvalCreateIndex: evaluation.CreateIndex,
        JobModifyIndex: stored.JobModifyIndex,
        Warnings: '',
        Index: evaluation.CreateIndex,
        LastContact: 0,
        KnownLeader: true,
      },
    };
  };
  router.on(['POST', 'PUT'], '/v1/jobs', register);
  router.on(['POST', 'PUT'], '/v1/job/:id', register);

  router.on('GET', '/v1/jobs', async ctx => {
    const namespace =
      ctx.query.get('namespace') === '*' ? '*' : namespaceOf(core, ctx);
    const prefix = ctx.query.get('prefix') ?? '';
    const withMeta = ctx.query.get('meta') === 'true';
    return blockingRead(
      state,
      ['jobs'],
      ctx.query,
      () =>
        state
          .jobs()
          .map(e => e.job)
          .filter(
            j =>
              (namespace === '*' || j.Namespace === namespace) &&
              j.ID.startsWith(prefix),
          )
          .filter(j => {
            try {
              allowNamespace(core, ctx, j.Namespace, 'list-jobs');
              return true;
            } catch (error) {
              if (namespace === '*') return false;
              throw error;
            }
          })
          .sort((a, b) => a.ID.localeCompare(b.ID))
          .map(j => ({
            ID: j.ID,
            ParentID: '',
            Name: j.Name,
            Namespace: j.Namespace,
            Datacenters: j.Datacenters,
            Type: j.Type,
            Priority: j.Priority,
            Periodic: false,
            ParameterizedJob: false,
            Stop: j.Stop,
            Status: j.Status,
            StatusDescription: j.StatusDescription,
            SubmitTime: j.SubmitTime,
            CreateIndex: j.CreateIndex,
            ModifyIndex: j.ModifyIndex,
            JobModifyIndex: j.JobModifyIndex,
            ...(withMeta ? { Meta: j.Meta } : {}),
          })),
      ctx.signal,
    );
  });

  router.on('GET', '/v1/job/:id', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['jobs'],
      ctx.query,
      () => {
        const entry = state.job(namespace, ctx.params.id);
        if (!entry) throw notFound('job');
        return entry.job;
      },
      ctx.signal,
    );
  });

  router.on('DELETE', '/v1/job/:id', async ctx => {
    const { namespace, entry } = existingJob(ctx, 'submit-job');
    if (!entry) throw notFound('job');
    const purge = ctx.query.get('purge') === 'true';
    const job = entry.job;
    if (purge) state.purgeJob(namespace, job.ID);
    else if (!job.Stop) state.putJob({ ...job, Stop: true });
    const evaluation = scheduler.enqueue(job, 'job-deregister');
    return {
      value: {
        EvalID: evaluation.ID,
        EvalCreateIndex: evaluation.CreateIndex,
        JobModifyIndex: state.store.indexOf(['jobs']),
      },
    };
  });

  router.on(['POST', 'PUT'], '/v1/job/:id/plan', async ctx => {
    const job = readJobArg(ctx);
    const existing = state.job(job.Namespace, job.ID)?.job;
    const changed = !existing || specOf(existing) !== specOf(job);
    const candidate: Job = changed
      ? {
          ...job,
          Version: existing ? existing.Version + 1 : 0,
          JobModifyIndex: -1,
          CreateIndex: existing?.CreateIndex ?? 0,
        }
      : existing!;
    const { reconciled, failed } = scheduler.plan(candidate);
    const updates: Json = {};
    for (const [group, desired] of Object.entries(reconciled.desired))
      updates[group] = diffUpdates(desired);
    const failedGroups = Object.keys(failed).length ? failed : null;
    return {
      value: {
        Index: state.store.indexOf(['jobs']),
        JobModifyIndex: existing?.JobModifyIndex ?? 0,
        Diff: ctx.body.Diff
          ? jobDiff(existing ?? null, job, updates, isDestructive)
          : null,
        Annotations: {
          DesiredTGUpdates: reconciled.desired,
          PreemptedAllocs: null,
        },
        FailedTGAllocs: failedGroups,
        CreatedEvals: failedGroups
          ? [
              {
                JobID: job.ID,
                Status: 'blocked',
                StatusDescription: 'created to place remaining allocations',
                TriggeredBy: 'job-register',
              },
            ]
          : null,
        NextPeriodicLaunch: '0001-01-01T00:00:00Z',
        Warnings: '',
      },
    };
  });

  router.on('GET', '/v1/job/:id/versions', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['job_version'],
      ctx.query,
      () => {
        const entry = state.job(namespace, ctx.params.id);
        if (!entry) throw notFound('job versions');
        const diffs =
          ctx.query.get('diffs') === 'true'
            ? entry.versions
                .slice(0, -1)
                .map((v, i) => jobDiff(entry.versions[i + 1], v))
            : null;
        return {
          Versions: entry.versions,
          Diffs: diffs,
          Index: state.store.indexOf(['job_version']),
          KnownLeader: true,
          LastContact: 0,
        };
      },
      ctx.signal,
    );
  });

  router.on(['POST', 'PUT'], '/v1/job/:id/revert', async ctx => {
    const { entry } = existingJob(ctx, 'submit-job');
    if (!entry) throw notFound('job');
    const version = Number(ctx.body?.JobVersion ?? 0);
    const prior = ctx.body?.EnforcePriorVersion;
    if (prior !== undefined && prior !== null && prior !== entry.job.Version) {
      throw badRequest(
        `current job has version ${entry.job.Version}; enforcing version ${prior}`,
      );
    }
    if (version === entry.job.Version)
      throw badRequest(`can't revert to current version`);
    const target = entry.versions.find(v => v.Version === version);
    if (!target)
      throw badRequest(
        `job "${entry.job.ID}" in namespace "${entry.job.Namespace}" at version ${version} not found`,
      );
    const stored = state.putJob({ ...structuredClone(target), Stop: false });
    const evaluation = scheduler.enqueue(stored, 'job-register');
    return {
      value: {
        EvalID: evaluation.ID,
        EvalCreateIndex: evaluation.CreateIndex,
        JobModifyIndex: stored.JobModifyIndex,
      },
    };
  });

  router.on(['POST', 'PUT'], '/v1/job/:id/evaluate', async ctx => {
    const { entry } = existingJob(ctx, 'submit-job');
    if (!entry) throw notFound('job');
    const evaluation = scheduler.enqueue(entry.job, 'job-register');
    return {
      value: {
        EvalID: evaluation.ID,
        EvalCreateIndex: evaluation.CreateIndex,
        JobModifyIndex: entry.job.JobModifyIndex,
      },
    };
  });

  router.on('GET', '/v1/job/:id/allocations', async ctx => {
    const { namespace } = existingJob(ctx);
    const all = ctx.query.get('all') === 'true';
    return blockingRead(
      state,
      ['allocs'],
      ctx.query,
      () => {
        const job = state.job(namespace, ctx.params.id)?.job;
        return state
          .allocsOfJob(namespace, ctx.params.id)
          .filter(a => all || !job || a.Job.CreateIndex === job.CreateIndex)
          .map(a => allocStub(a, false));
      },
      ctx.signal,
    );
  });

  router.on('GET', '/v1/job/:id/evaluations', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['evals'],
      ctx.query,
      () =>
        [...state.evals.values()]
          .filter(e => e.Namespace === namespace && e.JobID === ctx.params.id)
          .sort((a, b) => b.CreateIndex - a.CreateIndex),
      ctx.signal,
    );
  });

  const deploymentsOf = (namespace: string, id: string, all: boolean) => {
    const job = state.job(namespace, id)?.job;
    return [...state.deployments.values()]
      .filter(
        d =>
          d.Namespace === namespace &&
          d.JobID === id &&
          (all || !job || d.JobCreateIndex === job.CreateIndex),
      )
      .sort((a, b) => b.CreateIndex - a.CreateIndex);
  };
  router.on('GET', '/v1/job/:id/deployments', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['deployment'],
      ctx.query,
      () =>
        deploymentsOf(
          namespace,
          ctx.params.id,
          ctx.query.get('all') === 'true',
        ),
      ctx.signal,
    );
  });
  router.on('GET', '/v1/job/:id/deployment', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['deployment'],
      ctx.query,
      () => deploymentsOf(namespace, ctx.params.id, false)[0] ?? null,
      ctx.signal,
    );
  });

  router.on('GET', '/v1/job/:id/summary', async ctx => {
    const { namespace } = existingJob(ctx);
    return blockingRead(
      state,
      ['jobs', 'allocs'],
      ctx.query,
      () => {
        const entry = state.job(namespace, ctx.params.id);
        if (!entry) throw notFound('job');
        const summary: Json = {};
        const allocs = state
          .allocsOfJob(namespace, entry.job.ID)
          .filter(a => a.Job.CreateIndex === entry.job.CreateIndex);
        for (const group of entry.job.TaskGroups) {
          const mine = allocs.filter(a => a.TaskGroup === group.Name);
          const count = (status: string) =>
            mine.filter(a => a.ClientStatus === status).length;
          summary[group.Name] = {
            Queued: 0,
            Complete: count('complete'),
            Failed: count('failed'),
            Running: count('running'),
            Starting: count('pending'),
            Lost: count('lost'),
            Unknown: 0,
          };
        }
        return {
          JobID: entry.job.ID,
          Namespace: namespace,
          Summary: summary,
          Children: { Pending: 0, Running: 0, Dead: 0 },
          CreateIndex: entry.job.CreateIndex,
          ModifyIndex: state.store.indexOf(['allocs']),
        };
      },
      ctx.signal,
    );
  });
}
