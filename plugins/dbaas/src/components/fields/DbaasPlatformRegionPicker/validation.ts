import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { dbaasApiRef } from '../../../api';
import type { DbaasPlatformRegion } from './schema';

/**
 * A chosen location is complete and offered by the backend. Whether the
 * field may be left out is the template's `required`, checked by the form.
 */
export const dbaasPlatformRegionValidation: CustomFieldValidator<
  DbaasPlatformRegion
> = async (value, validation, context) => {
  if (!value?.platform) {
    validation.addError(
      'A platform is required: choose where the instance runs',
    );
    return;
  }
  if (!value.region) {
    validation.addError(
      `A region is required: choose a region of platform "${value.platform}"`,
    );
    return;
  }
  const dbaasApi = context.apiHolder.get(dbaasApiRef);
  if (!dbaasApi) {
    // Without the plugin's API (a template preview) only completeness is checked.
    return;
  }
  const platform = (await dbaasApi.listPlatforms()).items.find(
    p => p.id === value.platform,
  );
  if (!platform) {
    validation.addError(
      `The platform must be one the backend offers; "${value.platform}" is not`,
    );
  } else if (!platform.regions.includes(value.region)) {
    validation.addError(
      `The region must be one of platform "${
        platform.title
      }": ${platform.regions.join(', ')}`,
    );
  }
};
