import { createConditionExports } from '@backstage/plugin-permission-node';
import { dbaasInstanceResourceRef } from './resourceRef';
import { dbaasInstanceRules } from './rules';

const exported = createConditionExports({
  resourceRef: dbaasInstanceResourceRef,
  rules: dbaasInstanceRules,
});

/**
 * Conditions for permission policies, e.g.
 * `dbaasInstanceConditions.isInstanceOwner({ claims: user.info.ownershipEntityRefs })`.
 * @public
 */
export const dbaasInstanceConditions = exported.conditions;

/** @public */
export const createDbaasInstanceConditionalDecision =
  exported.createConditionalDecision;
