import { ENGINES } from '@justmanage/plugin-dbaas-common';
import { instanceRef, oneOf } from './schemas';
import { Zod } from './types';

/** A version an instance could move to, as the upgrade plan describes it. */
export const upgradeCandidateOutput = (z: Zod) =>
  z.object({
    engine: z.enum(oneOf(ENGINES)).describe('redis or valkey'),
    version: z.string().describe('The target version'),
    kind: z
      .enum(['patch', 'minor', 'major', 'downgrade'])
      .describe('How big the change is'),
    fixes: z
      .array(z.string())
      .describe('Advisories of the current version this one fixes'),
    openAdvisories: z
      .array(z.string())
      .describe('Advisories that still affect this version'),
    breakingChanges: z
      .array(z.string())
      .describe('Changes applications may notice'),
    releaseNotesUrl: z.string().optional().describe('Its release notes'),
    available: z
      .boolean()
      .describe('Whether it can be chosen; see blockedReason if not'),
    rdbCompatible: z
      .boolean()
      .describe(
        "Whether it reads the instance's data files; if not, only a snapshot restore reaches it",
      ),
    strategy: z
      .enum(['restart', 'rolling', 'snapshot-restore'])
      .describe('How the nodes are moved to it'),
    expectedDowntimeSeconds: z
      .number()
      .describe('Roughly how long clients cannot write'),
    blockedReason: z
      .string()
      .optional()
      .describe('Why it cannot be chosen, when it cannot'),
  });

/** The target of preview-upgrade and upgrade-instance. */
export const upgradeTargetInput = (z: Zod) =>
  z.object({
    instance: instanceRef(z),
    engine: z
      .enum(oneOf(ENGINES))
      .describe('Target engine, as get-upgrade-plan lists it'),
    version: z
      .string()
      .describe('Target version, as get-upgrade-plan lists it, e.g. 7.2.5'),
    restoreSnapshot: z
      .boolean()
      .optional()
      .describe(
        "Reach a target that cannot read the instance's data by restoring an older snapshot it can read; writes made after that snapshot are lost",
      ),
  });
