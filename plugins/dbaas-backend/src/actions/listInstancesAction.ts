import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  INSTANCE_STATUSES,
  dbaasInstanceReadPermission,
  normalizeEntityRef,
} from '@justmanage/plugin-dbaas-common';
import { instanceOutput, oneOf } from './schemas';
import { DbaasActionDeps } from './types';

/** GET /instances: the instances the caller may read, filtered. */
export function registerListInstancesAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'list-instances',
    title: 'List Redis instances',
    description:
      'Lists the managed Redis and Valkey instances the caller may see, by name, optionally only those of one owner, one name or some statuses. Use it to find an instance before acting on it.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe(
              'Only instances of this owner: a group or user entity ref such as group:default/team-a; a bare name such as team-a means a group',
            ),
          name: z
            .string()
            .optional()
            .describe('Only the instance with exactly this name'),
          status: z
            .array(z.enum(oneOf(INSTANCE_STATUSES)))
            .optional()
            .describe('Only instances in one of these states'),
        }),
      output: z =>
        z.object({
          items: z
            .array(instanceOutput(z))
            .describe('The matching instances, by name'),
        }),
    },
    action: async ({ input, credentials }) => {
      const all = await deps.instances.list({
        owner: input.owner
          ? [normalizeEntityRef(input.owner, 'group')]
          : undefined,
        name: input.name,
        status: input.status,
      });
      const items = await deps.authorizer.filter(
        dbaasInstanceReadPermission,
        all,
        credentials,
      );
      return { output: { items } };
    },
  });
}
