export { DbaasPlatformRegionPicker } from './DbaasPlatformRegionPicker';
export { dbaasPlatformRegionValidation } from './validation';
export {
  DbaasPlatformRegionPickerFieldSchema,
  type DbaasPlatformRegion,
  type DbaasPlatformRegionPickerProps,
} from './schema';
