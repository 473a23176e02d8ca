import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasUpgradePolicyPicker: manual upgrades, or patch upgrades
 * applied automatically inside a maintenance window written as a phrase.
 * Only the parts of the chosen mode are in it.
 * @public
 */
export const DbaasUpgradePolicyPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      mode: z.enum(['manual', 'auto-patch']).describe('Who starts upgrades'),
      window: z
        .string()
        .optional()
        .describe('With auto-patch: days, times and a zone, as a phrase'),
      securityOnly: z
        .boolean()
        .optional()
        .describe('With auto-patch: only patches that fix an advisory'),
    }),
});

/** @public */
export type DbaasUpgradePolicyPickerProps =
  typeof DbaasUpgradePolicyPickerFieldSchema.TProps;

/** @public */
export type DbaasUpgradeChoice =
  typeof DbaasUpgradePolicyPickerFieldSchema.TOutput;
