import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { acceptedOutput, instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/** PATCH /instances/{id} with new resources only. */
export function registerResizeInstanceAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'resize-instance',
    title: 'Resize a Redis instance',
    description:
      "Changes an instance's memory, CPU or disk; what is not given stays. Returns the operation that applies it (follow it with get-operation). Accepted while the instance is running or down. A smaller memory limit can make Redis evict keys or refuse writes.",
    // Nodes restart with the new size, and less memory can lose keys.
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          instance: instanceRef(z),
          memoryMb: z
            .number()
            .optional()
            .describe('New memory limit in MiB, at least 16'),
          cpu: z.number().optional().describe('New number of CPU cores'),
          diskGb: z.number().optional().describe('New disk size in GiB'),
        }),
      output: acceptedOutput,
    },
    action: async ({ input, credentials }) => {
      const { instance: ref, ...resources } = input;
      const instance = await resolveInstance(deps, ref);
      const accepted = await auditedAction(
        deps.auditor,
        credentials,
        { eventId: 'instance-update', meta: { instanceId: instance.id } },
        async () => {
          await deps.authorizer.require(
            dbaasInstanceUpdatePermission,
            instance,
            credentials,
          );
          if (Object.values(resources).every(v => v === undefined)) {
            throw new InputError(
              'memoryMb: give at least one of memoryMb, cpu and diskGb',
            );
          }
          const result = await deps.service.update(
            instance,
            { resources },
            actorOf(credentials),
          );
          return { result, meta: { operationId: result.operation.id } };
        },
      );
      return { output: accepted };
    },
  });
}
