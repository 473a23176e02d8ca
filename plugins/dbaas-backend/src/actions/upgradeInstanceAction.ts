import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { acceptedOutput } from './schemas';
import { DbaasActionDeps } from './types';
import { upgradeTargetInput } from './upgradeSchemas';

/** POST /instances/{id}/upgrade: starts the upgrade preview-upgrade showed. */
export function registerUpgradeInstanceAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'upgrade-instance',
    title: 'Upgrade a Redis instance',
    description:
      "Starts an upgrade or downgrade of a running instance to a version of its upgrade plan and returns the operation (follow it with get-operation). Nodes restart; a snapshot restore loses the writes made after the snapshot and needs confirm set to the instance's name. Run preview-upgrade first.",
    attributes: { readOnly: false, destructive: true, idempotent: false },
    schema: {
      input: z =>
        upgradeTargetInput(z).extend({
          confirm: z
            .string()
            .optional()
            .describe(
              "The instance's name, to confirm a snapshot restore that loses writes",
            ),
        }),
      output: acceptedOutput,
    },
    action: async ({ input, credentials }) => {
      const { instance: ref, ...body } = input;
      const instance = await resolveInstance(deps, ref);
      const accepted = await auditedAction(
        deps.auditor,
        credentials,
        {
          eventId: 'instance-upgrade',
          meta: {
            instanceId: instance.id,
            engine: body.engine,
            version: body.version,
            dryRun: false,
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
            body,
            actorOf(credentials),
          );
          if (outcome.dryRun) {
            throw new Error('An upgrade request came back as a dry run');
          }
          return {
            result: {
              instance: outcome.instance,
              operation: outcome.operation,
            },
            meta: { operationId: outcome.operation.id },
          };
        },
      );
      return { output: accepted };
    },
  });
}
