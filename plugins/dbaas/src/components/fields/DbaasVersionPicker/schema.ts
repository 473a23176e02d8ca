import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/**
 * The value of DbaasVersionPicker: the engine and version of a new instance.
 * @public
 */
export const DbaasVersionPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      engine: z.string().describe('The engine, such as redis or valkey'),
      version: z.string().describe('A version of that engine'),
    }),
  uiOptions: z =>
    z.object({
      platformField: z
        .string()
        .optional()
        .describe(
          'The form field holding the chosen platform (an id or a DbaasPlatformRegionPicker value); found by its shape when left out',
        ),
    }),
});

/** @public */
export type DbaasVersionPickerProps =
  typeof DbaasVersionPickerFieldSchema.TProps;

/** @public */
export type DbaasEngineVersion = typeof DbaasVersionPickerFieldSchema.TOutput;

/** @public */
export type DbaasVersionPickerUiOptions = NonNullable<
  DbaasVersionPickerProps['uiSchema']['ui:options']
>;
