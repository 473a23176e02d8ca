/**
 * The JustManage dbaas frontend: the fleet page, the Redis entity tab and
 * the scaffolder fields of the New Redis template.
 *
 * @packageDocumentation
 */
export {
  dbaasPlugin,
  DbaasPage,
  EntityDbaasContent,
  DbaasPlatformRegionPickerFieldExtension,
  DbaasVersionPickerFieldExtension,
  isDbaasAvailable,
  dbaasApiRef,
  DbaasClient,
} from './plugin';
export type {
  DbaasApi,
  DbaasAcceptedResponse,
  DbaasInstanceFilter,
} from './api';
export type {
  DbaasPlatformRegion,
  DbaasEngineVersion,
  DbaasVersionPickerUiOptions,
} from './components/fields';
