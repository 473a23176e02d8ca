import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasInstanceName: the unique name of a new instance.
 * @public
 */
export const DbaasInstanceNameFieldSchema = makeFieldSchema({
  output: z => z.string().describe('The name of the new instance'),
});

/** @public */
export type DbaasInstanceNameProps = typeof DbaasInstanceNameFieldSchema.TProps;
