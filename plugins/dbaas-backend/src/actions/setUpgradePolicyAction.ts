import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  dbaasInstanceUpdatePermission,
  parseWindowPhrase,
} from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/**
 * PUT /instances/{id}/upgrade-policy from one window phrase, the way a
 * person says it. The phrase is read here first so that a bad one is
 * refused naming this action's field, `window`, not the route's `windows.0`.
 */
export function registerSetUpgradePolicyAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'set-upgrade-policy',
    title: 'Set the upgrade policy of a Redis instance',
    description:
      'Sets when an instance gets patch upgrades: auto-patch applies pending patch releases inside a weekly maintenance window given as a phrase such as "Sundays 02:00-03:00 Europe/Berlin" or "weekdays 22:00-23:30 UTC"; manual leaves upgrades to people. Replaces the windows; blackout dates are kept. Returns the policy with its next openings.',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          instance: instanceRef(z),
          window: z
            .string()
            .optional()
            .describe(
              'The maintenance window: days, start-end and a time zone, e.g. "Sundays 02:00-03:00 Europe/Berlin", "sat 23:00 - sun 01:00 UTC"; required for auto-patch',
            ),
          mode: z
            .enum(['auto-patch', 'manual'])
            .optional()
            .describe('auto-patch (the default) or manual'),
          securityOnly: z
            .boolean()
            .optional()
            .describe(
              'With auto-patch, apply only patch releases that fix an advisory; false by default',
            ),
        }),
      output: z =>
        z.object({
          instanceId: z.string().describe('The instance'),
          mode: z.enum(['manual', 'auto-patch']).describe('The mode now'),
          securityOnly: z
            .boolean()
            .describe('Whether only security patches are applied'),
          windows: z
            .array(
              z.object({
                phrase: z
                  .string()
                  .describe(
                    'The window in normal form, e.g. "Sun 02:00-03:00 Europe/Berlin"',
                  ),
                notes: z
                  .array(z.string())
                  .describe('How an ambiguous part of the phrase was read'),
              }),
            )
            .describe('The maintenance windows'),
          blackoutDates: z
            .array(z.string())
            .describe('Dates without upgrades (YYYY-MM-DD)'),
          nextOpenings: z
            .array(
              z.object({
                phrase: z.string().describe('The window that opens'),
                start: z.string().describe('When it opens (ISO 8601, UTC)'),
                end: z.string().describe('When it closes (ISO 8601, UTC)'),
                skipped: z
                  .enum(['snoozed', 'blackout'])
                  .optional()
                  .describe(
                    'Why this opening will not be used, if it will not',
                  ),
              }),
            )
            .describe('The next times the windows open'),
        }),
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      const mode = input.mode ?? 'auto-patch';
      const policy = await auditedAction(
        deps.auditor,
        credentials,
        {
          eventId: 'instance-upgrade-policy-update',
          meta: { instanceId: instance.id },
        },
        async () => {
          await deps.authorizer.require(
            dbaasInstanceUpdatePermission,
            instance,
            credentials,
          );
          if (input.window !== undefined) {
            const read = parseWindowPhrase(input.window);
            if (!read.ok) throw new InputError(`window: ${read.error}`);
          } else if (mode === 'auto-patch') {
            throw new InputError(
              'window: auto-patch needs a maintenance window, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
            );
          }
          const current = await deps.upgradePolicies.get(instance);
          const result = await deps.upgradePolicies.put(
            instance,
            {
              mode,
              securityOnly: input.securityOnly ?? false,
              windows: input.window !== undefined ? [input.window] : [],
              blackoutDates: current.blackoutDates,
            },
            actorOf(credentials),
          );
          return { result, meta: { mode: result.mode } };
        },
      );
      return { output: policy };
    },
  });
}
