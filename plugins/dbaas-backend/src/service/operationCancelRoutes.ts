import { DbaasRouter } from './DbaasRouter';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { OperationControlStore } from '../database/OperationControlStore';
import { OperationStore } from '../database/OperationStore';
import { OperationRegistry } from '../operations/OperationRegistry';
import { OperationWaiter } from '../operations/OperationWaiter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { auditedChange } from './auditedChange';
import { actorOf } from './actorOf';

export interface OperationCancelRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  operations: OperationStore;
  operationControl: OperationControlStore;
  operationTypes: OperationRegistry;
  waiter: OperationWaiter;
}

/**
 * Cancelling needs the update permission on the operation's instance, and
 * only operation types that declare themselves cancellable allow it: a
 * half-done create or upgrade is worse than a finished one.
 */
export function registerOperationCancelRoutes(
  router: DbaasRouter,
  deps: OperationCancelRouteDeps,
) {
  const { httpAuth, auditor, authorizer, operations } = deps;

  router.post('/operations/:operationId/cancel', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { operationId } = req.params;
    const found = await operations.get(operationId);
    if (!found) throw new NotFoundError(`No operation with id ${operationId}`);
    await auditedChange(
      auditor,
      req,
      'operation-cancel',
      { operationId, instanceId: found.instanceId },
      async () => {
        await authorizer.require(
          dbaasInstanceUpdatePermission,
          {
            id: found.instanceId,
            name: found.instanceName,
            owner: found.owner,
          },
          credentials,
        );
        if (!deps.operationTypes.get(found.type).cancellable) {
          throw new ConflictError(
            `Operations of type ${found.type} cannot be cancelled`,
          );
        }
        if (found.status !== 'pending' && found.status !== 'running') {
          throw new ConflictError(
            `Operation ${operationId} has already ${found.status}`,
          );
        }
        const endedNow = await deps.operationControl.requestCancel(
          operationId,
          actorOf(credentials),
        );
        if (endedNow) deps.waiter.notify(operationId);
        res.status(202).json(await operations.get(operationId));
        return {};
      },
    );
  });
}
