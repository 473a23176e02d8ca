import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ENGINES,
  dbaasInstanceReadPermission,
} from '@justmanage/plugin-dbaas-common';
import { resolveInstance } from './resolveInstance';
import { instanceRef, oneOf } from './schemas';
import { DbaasActionDeps } from './types';
import { upgradeCandidateOutput } from './upgradeSchemas';

/** GET /instances/{id}/upgrade-plan. */
export function registerGetUpgradePlanAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'get-upgrade-plan',
    title: 'Get the upgrade plan of a Redis instance',
    description:
      'Lists the versions an instance can be upgraded or downgraded to, each with the advisories it fixes, its breaking changes, whether its platform can run it and how it would be applied. Use preview-upgrade to see the steps for one of them.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ instance: instanceRef(z) }),
      output: z =>
        z.object({
          instanceId: z.string().describe('The instance'),
          current: z
            .object({
              engine: z.enum(oneOf(ENGINES)).describe('Engine it runs'),
              version: z.string().describe('Version it runs'),
              rdbVersion: z
                .number()
                .optional()
                .describe('RDB format version its data is written in'),
            })
            .describe('What runs now'),
          candidates: z
            .array(upgradeCandidateOutput(z))
            .describe('The versions it could move to'),
        }),
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      await deps.authorizer.require(
        dbaasInstanceReadPermission,
        instance,
        credentials,
      );
      return { output: await deps.planUpgrades(instance) };
    },
  });
}
