/**
 * The JustManage dbaas frontend: the fleet page, the Redis entity tab and
 * the scaffolder fields of the New Redis template.
 *
 * @packageDocumentation
 */
export {
  dbaasPlugin,
  DbaasPage,
  DbaasStatusPage,
  EntityDbaasContent,
  DbaasPlatformRegionPickerFieldExtension,
  DbaasVersionPickerFieldExtension,
  DbaasInstanceNameFieldExtension,
  DbaasOwnerPickerFieldExtension,
  DbaasResourcesPickerFieldExtension,
  DbaasUpgradePolicyPickerFieldExtension,
  isDbaasAvailable,
  dbaasApiRef,
} from './plugin';
export type { DbaasApi } from './api';
export type {
  DbaasPlatformRegion,
  DbaasEngineVersion,
  DbaasVersionPickerUiOptions,
  DbaasResources,
  DbaasResourcesPickerUiOptions,
  DbaasUpgradeChoice,
} from './components/fields';
