import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { acceptedOutput, instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/** PUT /instances/{id}/replicas. */
export function registerSetReplicasAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'set-replicas',
    title: 'Add or remove replicas of a Redis instance',
    description:
      'Sets how many replicas run next to the primary (0 is standalone; from 0 the platform adds 3 Sentinels, to 0 it removes them). The primary keeps serving; if it is on a node that goes, the role moves first with writes held for a moment. Returns the operation that applies it (follow it with get-operation). Accepted while the instance is running.',
    // Removing replicas removes copies of the data and the Sentinels clients use.
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          instance: instanceRef(z),
          replicas: z
            .number()
            .describe(
              "The new number of replicas, 0 up to the platform's maxReplicas",
            ),
        }),
      output: acceptedOutput,
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      const accepted = await auditedAction(
        deps.auditor,
        credentials,
        {
          eventId: 'instance-replicas',
          meta: { instanceId: instance.id, replicas: String(input.replicas) },
        },
        async () => {
          await deps.authorizer.require(
            dbaasInstanceUpdatePermission,
            instance,
            credentials,
          );
          const result = await deps.service.setReplicas(
            instance,
            { replicas: input.replicas },
            actorOf(credentials),
          );
          return { result, meta: { operationId: result.operation.id } };
        },
      );
      return { output: accepted };
    },
  });
}
