export {
  ACL_USERNAME_MAX_LENGTH,
  ACL_USERNAME_RULE,
  aclUsernameProblem,
  isReservedUsername,
} from './usernames';
export { ACL_PRESETS, aclPresetInfo, type AclPresetInfo } from './presets';
export {
  parseAclRules,
  type AclRule,
  type ParsedAclRules,
} from './parseAclRules';
export { aclAccessProblem, aclRulesOf, type AclAccess } from './access';
export {
  createAclUserRequestSchema,
  MAX_GRACE_SECONDS,
  MAX_ROTATION_DAYS,
  rotateAclUserRequestSchema,
  setAclUserRotationRequestSchema,
  updateAclUserRequestSchema,
} from './requests';
export { aclRulesForEngine } from './engineCompat';
