import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { DbaasActionDeps } from './types';
import { upgradeCandidateOutput, upgradeTargetInput } from './upgradeSchemas';

/**
 * POST /instances/{id}/upgrade with dryRun: the steps an upgrade would
 * take. As on the route, it needs the update permission and is audited: it
 * reveals the instance's snapshots.
 */
export function registerPreviewUpgradeAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'preview-upgrade',
    title: 'Preview an upgrade of a Redis instance',
    description:
      'Checks an upgrade or downgrade of an instance to one version of its upgrade plan without starting it, and returns the steps it would take and any data-loss warning. Needs the permission to change the instance.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: upgradeTargetInput,
      output: z =>
        z.object({
          candidate: upgradeCandidateOutput(z).describe('The target version'),
          steps: z
            .array(
              z.object({
                name: z.string().describe('The step'),
                description: z.string().describe('What it does'),
              }),
            )
            .describe('What the upgrade would do, in order'),
          dataLossWarning: z
            .string()
            .optional()
            .describe('Which writes a snapshot restore would lose'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { instance: ref, ...target } = input;
      const instance = await resolveInstance(deps, ref);
      const preview = await auditedAction(
        deps.auditor,
        credentials,
        {
          eventId: 'instance-upgrade',
          meta: {
            instanceId: instance.id,
            engine: target.engine,
            version: target.version,
            dryRun: true,
          },
        },
        async () => {
          await deps.authorizer.require(
            dbaasInstanceUpdatePermission,
            instance,
            credentials,
          );
          const outcome = await deps.upgrades.request(
            instance,
            { ...target, dryRun: true },
            actorOf(credentials),
          );
          return { result: outcome.preview, meta: { dryRun: true } };
        },
      );
      return { output: preview };
    },
  });
}
