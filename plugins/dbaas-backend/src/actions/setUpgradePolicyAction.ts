import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  dbaasInstanceUpdatePermission,
  parseUpgradeInstruction,
  parseWindowPhrase,
  UpgradePolicyRequest,
} from '@justmanage/plugin-dbaas-common';
import { actorOf } from '../service/actorOf';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/**
 * The policy the input asks for, blackout dates aside. The instruction and
 * the phrase are read here first so that a bad one is refused naming this
 * action's field (`instruction`, `window`), not the route's `windows.0`.
 */
function requestedPolicy(input: {
  instruction?: string;
  window?: string;
  mode?: 'auto-patch' | 'manual';
  securityOnly?: boolean;
}): Omit<UpgradePolicyRequest, 'blackoutDates'> {
  if (input.instruction !== undefined) {
    const given = (['window', 'mode', 'securityOnly'] as const).filter(
      field => input[field] !== undefined,
    );
    if (given.length > 0) {
      throw new InputError(
        `instruction: give either the instruction or ${given.join(
          ', ',
        )}, not both; the instruction says the mode and the windows itself`,
      );
    }
    const read = parseUpgradeInstruction(input.instruction);
    if (!read.ok) throw new InputError(`instruction: ${read.error}`);
    return {
      mode: read.mode,
      securityOnly: read.securityOnly,
      windows: read.windows.map(w => w.phrase),
    };
  }
  const mode = input.mode ?? 'auto-patch';
  if (input.window !== undefined) {
    const read = parseWindowPhrase(input.window);
    if (!read.ok) throw new InputError(`window: ${read.error}`);
  } else if (mode === 'auto-patch') {
    throw new InputError(
      'window: auto-patch needs a maintenance window, e.g. "Sundays 02:00-03:00 Europe/Berlin"',
    );
  }
  return {
    mode,
    securityOnly: input.securityOnly ?? false,
    windows: input.window !== undefined ? [input.window] : [],
  };
}

/**
 * PUT /instances/{id}/upgrade-policy from the whole instruction as a person
 * says it ("Upgrade patch versions automatically only on Sundays from 2 am
 * IST to 3 am IST"), or from a mode and one window phrase.
 */
export function registerSetUpgradePolicyAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'set-upgrade-policy',
    title: 'Set the upgrade policy of a Redis instance',
    description:
      'Sets when an instance gets patch upgrades, either from the whole instruction in plain English ("Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST", "Never upgrade automatically") or from a mode and one window phrase such as "Sundays 02:00-03:00 Europe/Berlin": auto-patch applies pending patch releases inside weekly maintenance windows; manual leaves upgrades to people; minor and major upgrades are never automatic. Replaces the windows; blackout dates are kept. Returns the policy with its next openings.',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          instance: instanceRef(z),
          instruction: z
            .string()
            .optional()
            .describe(
              'The whole policy in plain English: what is upgraded and how, the days, the times and the zone, e.g. "Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST" or "Never upgrade automatically"; instead of window, mode and securityOnly',
            ),
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
          const requested = requestedPolicy(input);
          const current = await deps.upgradePolicies.get(instance);
          const result = await deps.upgradePolicies.put(
            instance,
            { ...requested, blackoutDates: current.blackoutDates },
            actorOf(credentials),
          );
          return { result, meta: { mode: result.mode } };
        },
      );
      return { output: policy };
    },
  });
}
