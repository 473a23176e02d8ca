/**
 * The JustManage dbaas backend plugin.
 *
 * @packageDocumentation
 */
export { dbaasPlugin as default } from './plugin';
export { dbaasInstanceResourceRef } from './permissions/resourceRef';
export type {
  DbaasInstanceResource,
  DbaasInstanceQuery,
} from './permissions/resourceRef';
export { dbaasInstanceRules, isInstanceOwner } from './permissions/rules';
export {
  dbaasInstanceConditions,
  createDbaasInstanceConditionalDecision,
} from './permissions/conditions';
