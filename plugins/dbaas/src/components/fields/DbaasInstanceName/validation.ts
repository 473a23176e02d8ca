import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { instanceNameProblem } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../../api';

/**
 * The API's name rule, then whether the name is free: both answered before
 * the form moves on, instead of by the task after Create.
 */
export const dbaasInstanceNameValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  const problem = instanceNameProblem(value ?? '');
  if (problem) {
    validation.addError(`The name ${problem}`);
    return;
  }
  const dbaasApi = context.apiHolder.get(dbaasApiRef);
  if (!dbaasApi) {
    // Without the plugin's API (a template preview) only the rule is checked.
    return;
  }
  const { items } = await dbaasApi.listInstances({ query: { name: value } });
  if (items.some(instance => instance.name === value)) {
    validation.addError(
      `The name "${value}" is taken: an instance with this name exists already; choose another one`,
    );
  }
};
