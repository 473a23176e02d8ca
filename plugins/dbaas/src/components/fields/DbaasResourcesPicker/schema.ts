import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasResourcesPicker: the size of a new instance. `size` is
 * the preset chosen (or `custom`); the three numbers are what is asked for.
 * @public
 */
export const DbaasResourcesPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      size: z.string().optional().describe('The preset chosen, or custom'),
      memoryMb: z.number().describe('Memory for the data set in MiB'),
      cpu: z.number().describe('CPU cores'),
      diskGb: z.number().describe('Disk in GiB'),
    }),
  uiOptions: z =>
    z.object({
      platformField: z
        .string()
        .optional()
        .describe(
          'The form field holding the chosen platform, whose limits apply; found by its shape when left out',
        ),
      sizes: z
        .array(
          z.object({
            id: z.string(),
            title: z.string(),
            memoryMb: z.number(),
          }),
        )
        .optional()
        .describe('Presets offered before "Custom"'),
    }),
});

/** @public */
export type DbaasResourcesPickerProps =
  typeof DbaasResourcesPickerFieldSchema.TProps;

/** @public */
export type DbaasResources = typeof DbaasResourcesPickerFieldSchema.TOutput;

/** @public */
export type DbaasResourcesPickerUiOptions = NonNullable<
  DbaasResourcesPickerProps['uiSchema']['ui:options']
>;
