import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dbaasInstanceDeletePermission } from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { acceptedOutput, instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/** DELETE /instances/{id}. */
export function registerDeleteInstanceAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'delete-instance',
    title: 'Delete a Redis instance',
    description:
      'Deletes an instance with all its data, nodes and credentials; this cannot be undone. Returns the operation that does it (follow it with get-operation); once it succeeded the instance is gone. Also cleans up an instance whose creation failed.',
    // Asking again while it is being deleted, or after, changes nothing.
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z => z.object({ instance: instanceRef(z) }),
      output: acceptedOutput,
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      const accepted = await auditedAction(
        deps.auditor,
        credentials,
        { eventId: 'instance-delete', meta: { instanceId: instance.id } },
        async () => {
          await deps.authorizer.require(
            dbaasInstanceDeletePermission,
            instance,
            credentials,
          );
          const result = await deps.service.delete(
            instance,
            actorOf(credentials),
          );
          return { result, meta: { operationId: result.operation.id } };
        },
      );
      return { output: accepted };
    },
  });
}
