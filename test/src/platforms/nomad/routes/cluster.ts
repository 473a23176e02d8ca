import { AgentCore } from '../core';
import { badRequest, HttpError, notFound } from '../http/HttpError';
import { blockingRead } from '../http/blocking';
import { Router } from '../http/router';

/** ACL tokens and policies, namespaces, nodes and the leader. */
export function clusterRoutes(router: Router, core: AgentCore): void {
  const { state } = core;
  const acl = () => {
    if (!core.acl) throw badRequest('ACL support disabled');
    return core.acl;
  };

  router.on('GET', '/v1/acl/token/self', async ctx => {
    acl();
    if (!ctx.identity) throw new HttpError(403, 'Permission denied');
    return { value: ctx.identity };
  });
  router.on(['POST', 'PUT'], '/v1/acl/policy/:name', async ctx => {
    acl().requireManagement(ctx.identity);
    const index = state.commit('acl');
    acl().putPolicy(
      ctx.params.name,
      ctx.body?.Rules ?? '',
      ctx.body?.Description ?? '',
      index,
    );
    return { value: null, index };
  });
  router.on(['POST', 'PUT'], '/v1/acl/token', async ctx => {
    acl().requireManagement(ctx.identity);
    state.commit('acl');
    return {
      value: acl().createToken(
        ctx.body?.Name ?? '',
        ctx.body?.Policies ?? [],
        ctx.body?.Type ?? 'client',
      ),
    };
  });

  router.on('GET', '/v1/namespaces', async ctx => ({
    value: [...core.namespaces.values()].filter(ns => {
      if (!core.acl) return true;
      try {
        core.acl.allowNamespace(ctx.identity, ns.Name, 'list-jobs');
        return true;
      } catch {
        return false;
      }
    }),
    index: state.store.indexOf(['jobs']),
  }));
  router.on('GET', '/v1/namespace/:name', async ctx => {
    const ns = core.namespaces.get(ctx.params.name);
    if (!ns) throw notFound('namespace');
    return { value: ns };
  });

  router.on('GET', '/v1/nodes', async ctx => {
    core.acl?.allowNode(ctx.identity, 'read');
    return blockingRead(
      state,
      ['nodes'],
      ctx.query,
      () =>
        [...state.nodes.values()].map(n => ({
          ID: n.ID,
          Name: n.Name,
          Datacenter: n.Datacenter,
          NodeClass: n.NodeClass,
          NodePool: n.NodePool,
          Address: n.HTTPAddr?.split(':')[0],
          Status: n.Status,
          StatusDescription: n.StatusDescription,
          SchedulingEligibility: n.SchedulingEligibility,
          Drain: false,
          Drivers: n.Drivers,
          CreateIndex: n.CreateIndex,
          ModifyIndex: n.ModifyIndex,
        })),
      ctx.signal,
    );
  });
  router.on('GET', '/v1/node/:id', async ctx => {
    core.acl?.allowNode(ctx.identity, 'read');
    const node = state.nodes.get(ctx.params.id);
    if (!node) throw notFound('node');
    return { value: node, index: state.store.indexOf(['nodes']) };
  });

  router.on('GET', '/v1/status/leader', async () => ({
    value: '127.0.0.1:4647',
  }));
  router.on('GET', '/v1/agent/self', async () => ({
    value: {
      config: {
        Region: core.region,
        Datacenter: [...state.nodes.values()][0]?.Datacenter ?? 'dc1',
        ACL: { Enabled: !!core.acl },
      },
      member: { Name: 'test-agent' },
    },
  }));
}
