import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { parseWindowPhrase } from '@justmanage/plugin-dbaas-common';
import type { DbaasUpgradeChoice } from './schema';

/** Automatic patches need a window the API will read the same way. */
export const dbaasUpgradePolicyValidation: CustomFieldValidator<
  DbaasUpgradeChoice
> = (value, validation) => {
  if (value?.mode !== 'auto-patch') return;
  if (!value.window?.trim()) {
    validation.addError(
      'A maintenance window is required for automatic patch upgrades, e.g. "Sundays 02:00-03:00 UTC"',
    );
    return;
  }
  const result = parseWindowPhrase(value.window);
  if (!result.ok) {
    validation.addError(
      `The maintenance window cannot be read: ${result.error}`,
    );
  }
};
