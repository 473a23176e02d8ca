import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ENGINES,
  INSTANCE_NAME_RULE,
  MAXMEMORY_POLICIES,
  PERSISTENCE_MODES,
} from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { acceptedOutput, oneOf } from './schemas';
import { DbaasActionDeps } from './types';

/** POST /instances: asks for an instance; the operation creates it. */
export function registerCreateInstanceAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'create-instance',
    title: 'Create a Redis instance',
    description:
      'Asks for a new managed Redis or Valkey instance and returns at once with the instance (status provisioning) and the operation that creates it; follow the operation with get-operation until it succeeded, then use get-connection-details. Send an idempotencyKey to retry safely.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .describe(`Unique name, ${INSTANCE_NAME_RULE}, e.g. orders-cache`),
          owner: z
            .string()
            .describe(
              'Owning group or user as an entity ref, e.g. group:default/team-a; its members manage the instance',
            ),
          description: z
            .string()
            .optional()
            .describe('What the instance is for'),
          system: z
            .string()
            .optional()
            .describe(
              'Catalog system it belongs to, e.g. system:default/checkout',
            ),
          engine: z.enum(oneOf(ENGINES)).describe('redis or valkey'),
          version: z.string().describe('Engine version, e.g. 7.0.15'),
          platform: z
            .string()
            .describe('Platform (driver) to run on, e.g. local'),
          region: z.string().describe('Region of that platform, e.g. local'),
          resources: z
            .object({
              memoryMb: z.number().describe('Memory limit in MiB, at least 16'),
              cpu: z.number().describe('CPU cores, e.g. 0.5'),
              diskGb: z.number().describe('Disk in GiB, at least 1'),
            })
            .describe('Size of each node'),
          persistence: z
            .enum(oneOf(PERSISTENCE_MODES))
            .optional()
            .describe('none, rdb (snapshots; the default) or aof'),
          maxmemoryPolicy: z
            .enum(oneOf(MAXMEMORY_POLICIES))
            .optional()
            .describe('Eviction policy; noeviction by default'),
          replicas: z
            .number()
            .optional()
            .describe('Replicas next to the primary, 0 to 5; 0 by default'),
          config: z
            .record(z.string())
            .optional()
            .describe(
              'Tunable Redis settings as strings, e.g. {"timeout": "300"}',
            ),
          idempotencyKey: z
            .string()
            .optional()
            .describe(
              'Any unique string; a retry with the same key and name returns the first request instead of failing',
            ),
        }),
      output: acceptedOutput,
    },
    action: async ({ input, credentials }) => {
      const { idempotencyKey, ...body } = input;
      const accepted = await auditedAction(
        deps.auditor,
        credentials,
        { eventId: 'instance-create', meta: { name: body.name } },
        async () => {
          const authorize = await deps.authorizer.forCreate(credentials);
          const result = await deps.service.create(
            body,
            actorOf(credentials),
            authorize,
            idempotencyKey,
          );
          return {
            result,
            meta: {
              instanceId: result.instance.id,
              operationId: result.operation.id,
              replayed: result.replayed,
            },
          };
        },
      );
      return {
        output: { instance: accepted.instance, operation: accepted.operation },
      };
    },
  });
}
