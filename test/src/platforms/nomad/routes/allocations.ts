import { readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { AgentCore, allowNamespace } from '../core';
import { HttpError, notFound } from '../http/HttpError';
import { blockingRead } from '../http/blocking';
import { RequestContext, Router } from '../http/router';
import { Allocation, Json } from '../model';

/**
 * An allocation as list endpoints answer it (AllocListStub): no job, and
 * AllocatedResources only when asked with `resources=true`, so a client
 * wanting addresses reads each allocation.
 */
export function allocStub(a: Allocation, resources: boolean): Json {
  return {
    ID: a.ID,
    EvalID: a.EvalID,
    Name: a.Name,
    Namespace: a.Namespace,
    NodeID: a.NodeID,
    NodeName: a.NodeName,
    JobID: a.JobID,
    JobType: a.Job.Type,
    JobVersion: a.JobVersion,
    TaskGroup: a.TaskGroup,
    ...(resources ? { AllocatedResources: a.AllocatedResources } : {}),
    DesiredStatus: a.DesiredStatus,
    DesiredDescription: a.DesiredDescription,
    DesiredTransition: a.DesiredTransition ?? {},
    ClientStatus: a.ClientStatus,
    ClientDescription: a.ClientDescription,
    TaskStates: a.TaskStates,
    DeploymentStatus: a.DeploymentStatus,
    FollowupEvalID: '',
    NextAllocation: a.NextAllocation,
    PreviousAllocation: a.PreviousAllocation,
    RescheduleTracker: a.RescheduleTracker,
    PreemptedAllocations: null,
    PreemptedByAllocation: '',
    CreateIndex: a.CreateIndex,
    ModifyIndex: a.ModifyIndex,
    CreateTime: a.CreateTime,
    ModifyTime: a.ModifyTime,
  };
}

export function allocationRoutes(router: Router, core: AgentCore): void {
  const { state } = core;

  const find = (ctx: RequestContext, capability = 'read-job'): Allocation => {
    const alloc = state.allocs.get(ctx.params.id);
    if (!alloc) throw notFound('alloc');
    allowNamespace(core, ctx, alloc.Namespace, capability);
    return alloc;
  };
  const runnerOf = (alloc: Allocation) => {
    const runner = core.clients.get(alloc.NodeID)?.runners.get(alloc.ID);
    if (!runner) throw new HttpError(404, `Unknown allocation "${alloc.ID}"`);
    return runner;
  };

  router.on('GET', '/v1/allocations', async ctx => {
    const namespace = ctx.query.get('namespace') ?? 'default';
    const prefix = ctx.query.get('prefix') ?? '';
    return blockingRead(
      state,
      ['allocs'],
      ctx.query,
      () =>
        [...state.allocs.values()]
          .filter(
            a =>
              (namespace === '*' || a.Namespace === namespace) &&
              a.ID.startsWith(prefix),
          )
          .filter(a => {
            try {
              allowNamespace(core, ctx, a.Namespace, 'read-job');
              return true;
            } catch {
              return false;
            }
          })
          .map(a => allocStub(a, ctx.query.get('resources') === 'true')),
      ctx.signal,
    );
  });

  router.on('GET', '/v1/allocation/:id', async ctx => {
    find(ctx);
    return blockingRead(
      state,
      ['allocs'],
      ctx.query,
      () => state.allocs.get(ctx.params.id),
      ctx.signal,
    );
  });

  router.on(['POST', 'PUT'], '/v1/allocation/:id/stop', async ctx => {
    const alloc = find(ctx, 'alloc-lifecycle');
    const job = state.job(alloc.Namespace, alloc.JobID)?.job ?? alloc.Job;
    state.putAllocs([{ ...alloc, DesiredTransition: { Migrate: true } }]);
    const evaluation = core.scheduler.enqueue(job, 'alloc-stop');
    // The stop itself is the scheduler's: it replaces the allocation.
    state.putAllocs([
      {
        ...state.allocs.get(alloc.ID)!,
        DesiredStatus: 'stop',
        DesiredDescription: 'alloc was stopped by user',
      },
    ]);
    return { value: { EvalID: evaluation.ID, Index: evaluation.CreateIndex } };
  });

  // Reads a file of the allocation directory (api-docs/client#read-file).
  router.on('GET', '/v1/client/fs/cat/:id', async ctx => {
    const alloc = find(ctx, 'read-fs');
    const root = runnerOf(alloc).paths.root;
    const wanted = ctx.query.get('path') ?? '';
    const file = resolve(root, `.${posix.normalize(`/${wanted}`)}`);
    if (!file.startsWith(`${root}/`)) throw new HttpError(400, 'invalid path');
    try {
      return { value: null, raw: await readFile(file) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new HttpError(500, `stat ${file}: no such file or directory`);
      if (code === 'EISDIR')
        throw new HttpError(400, `"${wanted}" is a directory`);
      throw error;
    }
  });

  router.on('GET', '/v1/client/allocation/:id/checks', async ctx => {
    const alloc = find(ctx);
    return { value: runnerOf(alloc).checkResults };
  });

  router.on(['POST', 'PUT'], '/v1/client/allocation/:id/restart', async ctx => {
    const alloc = find(ctx, 'alloc-lifecycle');
    await runnerOf(alloc).restart(ctx.body?.TaskName || undefined);
    return { value: {} };
  });

  router.on('GET', '/v1/client/allocation/:id/stats', async ctx => {
    const alloc = find(ctx);
    const runner = runnerOf(alloc);
    const tasks: Json = {};
    let rss = 0;
    let ticks = 0;
    for (const [name, task] of runner.tasks) {
      const stats = await task.stats();
      const usage = {
        MemoryStats: {
          RSS: stats?.rss ?? 0,
          Cache: 0,
          Swap: 0,
          Usage: stats?.rss ?? 0,
          MaxUsage: 0,
          Measured: ['RSS'],
        },
        CpuStats: {
          SystemMode: 0,
          UserMode: 0,
          TotalTicks: (stats?.cpuSeconds ?? 0) * 1000,
          ThrottledPeriods: 0,
          ThrottledTime: 0,
          Percent: 0,
          Measured: ['Total Ticks'],
        },
        DeviceStats: null,
      };
      rss += usage.MemoryStats.RSS;
      ticks += usage.CpuStats.TotalTicks;
      tasks[name] = {
        ResourceUsage: usage,
        Timestamp: Date.now() * 1e6,
        Pids: null,
      };
    }
    return {
      value: {
        ResourceUsage: {
          MemoryStats: {
            RSS: rss,
            Cache: 0,
            Swap: 0,
            Usage: rss,
            MaxUsage: 0,
            Measured: ['RSS'],
          },
          CpuStats: {
            SystemMode: 0,
            UserMode: 0,
            TotalTicks: ticks,
            ThrottledPeriods: 0,
            ThrottledTime: 0,
            Percent: 0,
            Measured: ['Total Ticks'],
          },
          DeviceStats: null,
        },
        Tasks: tasks,
        Timestamp: Date.now() * 1e6,
      },
    };
  });
}
