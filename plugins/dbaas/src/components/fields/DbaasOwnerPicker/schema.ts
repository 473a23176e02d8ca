import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasOwnerPicker: the entity ref of the group or user that
 * will own a new instance; left out, the user who creates it.
 * @public
 */
export const DbaasOwnerPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.string().describe('Entity ref of the owner, e.g. group:default/team-a'),
});

/** @public */
export type DbaasOwnerPickerProps = typeof DbaasOwnerPickerFieldSchema.TProps;
