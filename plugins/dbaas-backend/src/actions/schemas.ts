import {
  ENGINES,
  INSTANCE_STATUSES,
  MAXMEMORY_POLICIES,
  PERSISTENCE_MODES,
} from '@justmanage/plugin-dbaas-common';
import { Zod } from './types';

/*
 * Schema parts several actions share. They describe what an agent sends and
 * gets back; the rules (name pattern, platform limits) stay in dbaas-common
 * and InstanceService, which answer with the field they refuse.
 */

/** Zod wants a non-empty tuple for an enum. */
export function oneOf<T extends string>(values: readonly T[]): [T, ...T[]] {
  return [...values] as [T, ...T[]];
}

/** Agents know an instance by its name more often than by its id. */
export const instanceRef = (z: Zod) =>
  z
    .string()
    .min(1)
    .describe(
      'The instance: its id, or its name (e.g. "orders-cache"), as list-instances shows them',
    );

const endpoint = (z: Zod) =>
  z.object({
    role: z
      .enum(['primary', 'replica', 'sentinel'])
      .describe('What the node at this endpoint serves'),
    host: z.string().describe('Host name or address to connect to'),
    port: z.number().describe('TCP port'),
    tls: z.boolean().describe('Whether the endpoint speaks TLS'),
  });

const health = (z: Zod) =>
  z.object({
    up: z.boolean().describe('Whether the last health check reached Redis'),
    checkedAt: z.string().describe('When it was checked (ISO 8601)'),
    error: z.string().optional().describe('Why the check failed, if it did'),
  });

/** An instance as the actions return it: the REST model without its internals. */
export const instanceOutput = (z: Zod) =>
  z.object({
    id: z.string().describe('The instance id'),
    name: z.string().describe('The unique name (a DNS-1123 label)'),
    owner: z
      .string()
      .describe('Owning group or user, e.g. group:default/team-a'),
    description: z.string().describe('What the instance is for'),
    system: z
      .string()
      .optional()
      .describe('The catalog system it belongs to, if any'),
    engine: z.enum(oneOf(ENGINES)).describe('redis or valkey'),
    version: z.string().describe('Engine version, e.g. 7.0.15'),
    platform: z.string().describe('The platform (driver) it runs on'),
    region: z.string().describe('The region of that platform'),
    resources: z
      .object({
        memoryMb: z.number().describe('Memory limit in MiB'),
        cpu: z.number().describe('CPU cores'),
        diskGb: z.number().describe('Disk in GiB'),
      })
      .describe('Size of each node'),
    persistence: z
      .enum(oneOf(PERSISTENCE_MODES))
      .describe('none, rdb (snapshots) or aof (append-only file)'),
    maxmemoryPolicy: z
      .enum(oneOf(MAXMEMORY_POLICIES))
      .describe('What Redis evicts when memory is full'),
    replicas: z
      .number()
      .describe('Replicas next to the primary; 0 is standalone'),
    status: z
      .enum(oneOf(INSTANCE_STATUSES))
      .describe(
        'provisioning, running, updating, down, deleting or failed; changes are accepted while running or down',
      ),
    endpoints: z
      .array(endpoint(z))
      .describe('Where clients connect; empty until provisioned'),
    health: health(z)
      .optional()
      .describe('The last health check, once there was one'),
    createdBy: z.string().describe('Who asked for it'),
    createdAt: z.string().describe('When it was asked for (ISO 8601)'),
    updatedAt: z.string().describe('When it last changed (ISO 8601)'),
  });

/** An operation as the actions return it: its progress, not its parameters. */
export const operationOutput = (z: Zod) =>
  z.object({
    id: z.string().describe('The operation id, for get-operation'),
    type: z
      .enum([
        'create',
        'update',
        'delete',
        'upgrade',
        'scan-keys',
        'replicas',
        'users',
        'certificates',
        'tls-mode',
        'backup',
        'restore',
        'restore-in-place',
      ])
      .describe('What the operation does'),
    status: z
      .enum(['pending', 'running', 'succeeded', 'failed'])
      .describe('Where it stands; succeeded and failed are final'),
    instanceId: z.string().describe('The instance it works on'),
    steps: z
      .array(
        z.object({
          name: z.string().describe('The step'),
          status: z
            .enum(['pending', 'running', 'succeeded', 'failed', 'skipped'])
            .describe('Where the step stands'),
          error: z.string().optional().describe('Why the step failed'),
        }),
      )
      .describe('Its steps, in order'),
    error: z.string().optional().describe('Why it failed, if it did'),
    createdAt: z.string().describe('When it was asked for'),
    finishedAt: z.string().optional().describe('When it ended'),
  });

/** What an action that starts an operation answers. */
export const acceptedOutput = (z: Zod) =>
  z.object({
    instance: instanceOutput(z).describe('The instance as it is now'),
    operation: operationOutput(z).describe(
      'The operation that does the work; follow it with get-operation',
    ),
  });
