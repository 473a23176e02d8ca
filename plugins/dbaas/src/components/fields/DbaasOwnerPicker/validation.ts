import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { isOwnRef, ownerRefsOf } from './ownerChoices';

/**
 * The owner must be the user or one of their groups: the API refuses the
 * rest (unless a policy grants it), and an instance created for another
 * team could be neither used nor deleted by its creator.
 */
export const dbaasOwnerValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  const identityApi = context.apiHolder.get(identityApiRef);
  if (!value || !identityApi) return;
  const refs = ownerRefsOf(await identityApi.getBackstageIdentity());
  if (!isOwnRef(value, refs)) {
    validation.addError(
      `You can create instances only for owners you belong to: ${value} is not one of yours (${refs.join(
        ', ',
      )})`,
    );
  }
};
