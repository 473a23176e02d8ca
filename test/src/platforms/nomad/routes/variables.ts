import { AgentCore, namespaceOf } from '../core';
import { badRequest, HttpError, notFound } from '../http/HttpError';
import { blockingRead } from '../http/blocking';
import { RequestContext, Router } from '../http/router';
import { Json } from '../model';

/** Variable paths (variables API docs): URL-safe characters, up to 128 bytes. */
const PATH = /^[a-zA-Z0-9-_~/]{1,128}$/;

/** A check-and-set conflict answers 409 with the variable as it is (items only if readable). */
class CasConflict extends HttpError {
  constructor(readonly variable: Json) {
    super(409, JSON.stringify(variable));
  }
}

export function variableRoutes(router: Router, core: AgentCore): void {
  const { state } = core;
  const allow = (
    ctx: RequestContext,
    namespace: string,
    path: string,
    capability: string,
  ) => core.acl?.allowVariable(ctx.identity, namespace, path, capability);
  const canRead = (ctx: RequestContext, namespace: string, path: string) => {
    try {
      allow(ctx, namespace, path, 'read');
      return true;
    } catch {
      return false;
    }
  };
  const conflict = (
    ctx: RequestContext,
    namespace: string,
    path: string,
    current: Json | undefined,
  ) => {
    const shown: Json = current
      ? { ...current }
      : { Namespace: namespace, Path: path, CreateIndex: 0, ModifyIndex: 0 };
    if (!canRead(ctx, namespace, path)) delete shown.Items;
    return new CasConflict(shown);
  };

  router.on('GET', '/v1/vars', async ctx => {
    const namespace = namespaceOf(core, ctx);
    const prefix = ctx.query.get('prefix') ?? '';
    return blockingRead(
      state,
      ['variables'],
      ctx.query,
      () =>
        [...state.variables.values()]
          .filter(v => v.Namespace === namespace && v.Path.startsWith(prefix))
          .filter(v => {
            try {
              allow(ctx, namespace, v.Path, 'list');
              return true;
            } catch {
              return false;
            }
          })
          .map(({ Items, ...meta }) => meta),
      ctx.signal,
    );
  });

  router.on('GET', '/v1/var/*path', async ctx => {
    const namespace = namespaceOf(core, ctx);
    allow(ctx, namespace, ctx.params.path, 'read');
    return blockingRead(
      state,
      ['variables'],
      ctx.query,
      () => {
        const variable = state.variable(namespace, ctx.params.path);
        if (!variable) throw notFound('variable');
        return variable;
      },
      ctx.signal,
    );
  });

  router.on('PUT', '/v1/var/*path', async ctx => {
    const path = ctx.params.path;
    const namespace = namespaceOf(core, ctx, ctx.body?.Namespace);
    if (!PATH.test(path)) throw badRequest(`invalid path "${path}"`);
    allow(ctx, namespace, path, 'write');
    const items = ctx.body?.Items;
    if (!items || !Object.keys(items).length)
      throw badRequest('variable missing Items');
    if (Object.values(items).some(v => typeof v !== 'string'))
      throw badRequest('variable items must be strings');
    const size = Object.entries<string>(items).reduce(
      (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v),
      0,
    );
    if (size > 64 * 1024)
      throw badRequest('variables are limited to 64KiB in total size');
    const current = state.variable(namespace, path);
    if (ctx.query.has('cas')) {
      const cas = Number(ctx.query.get('cas'));
      if ((current?.ModifyIndex ?? 0) !== cas)
        throw conflict(ctx, namespace, path, current);
    }
    const stored = state.putVariable(namespace, path, items);
    return { value: stored, index: stored.ModifyIndex };
  });

  router.on('DELETE', '/v1/var/*path', async ctx => {
    const namespace = namespaceOf(core, ctx);
    const path = ctx.params.path;
    allow(ctx, namespace, path, 'destroy');
    const current = state.variable(namespace, path);
    if (
      ctx.query.has('cas') &&
      (current?.ModifyIndex ?? 0) !== Number(ctx.query.get('cas'))
    ) {
      throw conflict(ctx, namespace, path, current);
    }
    const index = state.deleteVariable(namespace, path);
    return { value: { Index: index }, index };
  });
}

export { CasConflict };
