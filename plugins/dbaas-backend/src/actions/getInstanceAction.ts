import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dbaasInstanceReadPermission } from '@justmanage/plugin-dbaas-common';
import { resolveInstance } from './resolveInstance';
import { instanceRef, instanceOutput } from './schemas';
import { DbaasActionDeps } from './types';

/**
 * GET /instances/{id} and /metrics/latest in one answer: what an agent asks
 * first about an instance is whether it runs and how loaded it is.
 */
export function registerGetInstanceAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'get-instance',
    title: 'Get a Redis instance',
    description:
      'Returns one instance by id or name: its status, size, endpoints, last health check, and a summary of its newest metrics (memory, clients, operations per second, hit ratio, keys). Never returns its password; see get-connection-details.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ instance: instanceRef(z) }),
      output: z =>
        z.object({
          instance: instanceOutput(z),
          metrics: z
            .object({
              collectedAt: z
                .string()
                .describe('When the values were read (ISO 8601)'),
              values: z
                .record(z.number())
                .describe(
                  'The newest value of each metric, e.g. memory_used_bytes, memory_max_bytes, connected_clients, ops_per_sec, hit_ratio, keys, cpu_percent',
                ),
            })
            .optional()
            .describe('Absent until the collector has read the instance once'),
        }),
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      await deps.authorizer.require(
        dbaasInstanceReadPermission,
        instance,
        credentials,
      );
      const snapshot = await deps.metrics.store.latest(instance.id);
      return {
        output: {
          instance,
          ...(snapshot
            ? {
                metrics: {
                  collectedAt: snapshot.collectedAt,
                  values: snapshot.values,
                },
              }
            : {}),
        },
      };
    },
  });
}
