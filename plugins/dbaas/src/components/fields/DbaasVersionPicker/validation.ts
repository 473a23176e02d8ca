import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { dbaasApiRef } from '../../../api';
import { chosenPlatform } from '../chosenPlatform';
import type { DbaasEngineVersion, DbaasVersionPickerUiOptions } from './schema';

/**
 * A chosen engine and version are complete and offered by the platform the
 * form has chosen.
 */
export const dbaasVersionValidation: CustomFieldValidator<
  DbaasEngineVersion,
  DbaasVersionPickerUiOptions
> = async (value, validation, context) => {
  if (!value?.engine) {
    validation.addError('An engine is required: choose one the platform runs');
    return;
  }
  if (!value.version) {
    validation.addError(
      `A version is required: choose a version of ${value.engine}`,
    );
    return;
  }
  const dbaasApi = context.apiHolder.get(dbaasApiRef);
  if (!dbaasApi) {
    // Without the plugin's API (a template preview) only completeness is checked.
    return;
  }
  const platform = chosenPlatform(
    (await dbaasApi.listPlatforms()).items,
    context.formData,
    context.uiSchema?.['ui:options']?.platformField,
  );
  if (!platform) {
    // An unknown platform is reported by the platform field itself.
    return;
  }
  const engine = platform.engines.find(e => e.engine === value.engine);
  if (!engine) {
    validation.addError(
      `The engine must be one platform "${platform.title}" runs; ${value.engine} is not`,
    );
  } else if (!engine.versions.includes(value.version)) {
    validation.addError(
      `The version must be one platform "${platform.title}" offers for ${
        value.engine
      }: ${engine.versions.join(', ')}`,
    );
  }
};
