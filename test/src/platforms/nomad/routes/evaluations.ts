import { AgentCore, allowNamespace } from '../core';
import { notFound } from '../http/HttpError';
import { blockingRead } from '../http/blocking';
import { Router } from '../http/router';

/** Evaluations and deployments by id. */
export function evaluationRoutes(router: Router, core: AgentCore): void {
  const { state } = core;
  router.on('GET', '/v1/evaluation/:id', async ctx => {
    const evaluation = state.evals.get(ctx.params.id);
    if (!evaluation) throw notFound('eval');
    allowNamespace(core, ctx, evaluation.Namespace, 'read-job');
    return blockingRead(
      state,
      ['evals'],
      ctx.query,
      () => state.evals.get(ctx.params.id),
      ctx.signal,
    );
  });
  router.on('GET', '/v1/evaluation/:id/allocations', async ctx => {
    const evaluation = state.evals.get(ctx.params.id);
    if (!evaluation) throw notFound('eval');
    allowNamespace(core, ctx, evaluation.Namespace, 'read-job');
    return blockingRead(
      state,
      ['allocs'],
      ctx.query,
      () => [...state.allocs.values()].filter(a => a.EvalID === ctx.params.id),
      ctx.signal,
    );
  });
  router.on('GET', '/v1/deployment/:id', async ctx => {
    const deployment = state.deployments.get(ctx.params.id);
    if (!deployment) throw notFound('deployment');
    allowNamespace(core, ctx, deployment.Namespace, 'read-job');
    return blockingRead(
      state,
      ['deployment'],
      ctx.query,
      () => state.deployments.get(ctx.params.id),
      ctx.signal,
    );
  });
}
