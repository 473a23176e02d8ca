export { DbaasUpgradePolicyPicker } from './DbaasUpgradePolicyPicker';
export { dbaasUpgradePolicyValidation } from './validation';
export {
  DbaasUpgradePolicyPickerFieldSchema,
  type DbaasUpgradeChoice,
  type DbaasUpgradePolicyPickerProps,
} from './schema';
