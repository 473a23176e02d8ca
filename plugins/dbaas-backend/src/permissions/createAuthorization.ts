import { NotAllowedError } from '@backstage/errors';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import { dbaasInstanceCreateForOwnerPermission } from '@justmanage/plugin-dbaas-common';
import { DbaasInstanceResource } from './resourceRef';

/** The facts of an instance not yet created that a create decision looks at. */
export type InstanceDraft = Pick<DbaasInstanceResource, 'name' | 'owner'>;

/** Throws NotAllowedError unless the caller may create this instance. */
export type CreateAuthorization = (draft: InstanceDraft) => void;

/** The rule a conditional create decision stands for, in the 403's words. */
export const OWNER_RULE =
  'you can create instances only for owners you belong to';

/**
 * Turns the policy's decision on the owner of a new instance into a check
 * of the draft: a conditional decision (the example policy's "owned by one
 * of the user's refs") can only be applied once the request's owner is known.
 */
export function createAuthorization(
  decision: PolicyDecision,
  isAllowed: (
    decision: PolicyDecision,
    resource: DbaasInstanceResource,
  ) => boolean,
): CreateAuthorization {
  const permission = dbaasInstanceCreateForOwnerPermission.name;
  return draft => {
    if (!isAllowed(decision, { id: '', ...draft })) {
      throw new NotAllowedError(
        `owner: ${OWNER_RULE}, and ${draft.owner} is not one of yours (${permission}; a permission policy may grant more)`,
      );
    }
  };
}
