import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { dbaasInstanceReadPermission } from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceService } from '../service/InstanceService';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { DiagnosticsReader } from './DiagnosticsReader';

export interface DiagnosticsRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  diagnostics: DiagnosticsReader;
}

const DEFAULT_SLOWLOG_COUNT = 50;

/**
 * The slow log names keys, which are the instance's data, so it needs the
 * same read permission as the instance; it never names values.
 */
export function registerDiagnosticsRoutes(
  router: DbaasRouter,
  deps: DiagnosticsRouteDeps,
) {
  const { httpAuth, authorizer, service, diagnostics } = deps;
  const readable = async (
    req: express.Request<any, any, any, any>,
    instanceId: string,
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await service.get(instanceId);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return instance;
  };

  router.get('/instances/:instanceId/slowlog', async (req, res) => {
    const instance = await readable(req, req.params.instanceId);
    const count = Number(req.query.count ?? DEFAULT_SLOWLOG_COUNT);
    res.json(await diagnostics.slowLog(instance, count));
  });

  router.get('/instances/:instanceId/latency', async (req, res) => {
    const instance = await readable(req, req.params.instanceId);
    res.json(await diagnostics.latency(instance));
  });
}
