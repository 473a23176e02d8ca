import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  configChangeRequestSchema,
  dbaasInstanceUpdatePermission,
  previewConfigChange,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceService } from '../service/InstanceService';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';

export interface ConfigPreviewRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
}

/**
 * A dry run of a configuration PATCH: the same rules, the same permission,
 * and what each change would do to the running server, from the table in
 * dbaas-common (config/configParameters.ts).
 */
export function registerConfigPreviewRoutes(
  router: DbaasRouter,
  deps: ConfigPreviewRouteDeps,
) {
  const { httpAuth, authorizer, service } = deps;

  router.post('/instances/:instanceId/config/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });
    const instance = await service.get(req.params.instanceId);
    await authorizer.require(
      dbaasInstanceUpdatePermission,
      instance,
      credentials,
    );
    const parsed = validate(configChangeRequestSchema, req.body);
    if (!parsed.ok) throw new InputError(parsed.message);
    const changes = previewConfigChange(instance, parsed.value);
    res.json({
      changes,
      restartNeeded: changes.some(change => change.applies === 'restart'),
    });
  });
}
