import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasPlatformRegionPicker: where a new instance runs.
 * @public
 */
export const DbaasPlatformRegionPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      platform: z
        .string()
        .describe('Id of the platform that runs the instance'),
      region: z.string().describe('Region of that platform'),
    }),
});

/** @public */
export type DbaasPlatformRegionPickerProps =
  typeof DbaasPlatformRegionPickerFieldSchema.TProps;

/** @public */
export type DbaasPlatformRegion =
  typeof DbaasPlatformRegionPickerFieldSchema.TOutput;
