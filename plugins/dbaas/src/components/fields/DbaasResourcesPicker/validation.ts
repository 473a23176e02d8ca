import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { dbaasApiRef } from '../../../api';
import { chosenPlatform } from '../chosenPlatform';
import { RESOURCE_FIELDS, resourceProblems } from './resourceProblems';
import type { DbaasResources, DbaasResourcesPickerUiOptions } from './schema';

/** Memory, CPU and disk within the limits of the platform the form chose. */
export const dbaasResourcesValidation: CustomFieldValidator<
  DbaasResources,
  DbaasResourcesPickerUiOptions
> = async (value, validation, context) => {
  const dbaasApi = context.apiHolder.get(dbaasApiRef);
  if (!dbaasApi) return;
  const platform = chosenPlatform(
    (await dbaasApi.listPlatforms()).items,
    context.formData,
    context.uiSchema?.['ui:options']?.platformField,
  );
  if (!platform) return; // the platform field says what is wrong
  const problems = resourceProblems(value, platform);
  for (const { key, name } of RESOURCE_FIELDS) {
    if (problems[key]) validation.addError(`${name} ${problems[key]}`);
  }
};
