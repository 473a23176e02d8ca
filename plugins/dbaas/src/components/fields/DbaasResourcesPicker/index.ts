export { DbaasResourcesPicker } from './DbaasResourcesPicker';
export { dbaasResourcesValidation } from './validation';
export {
  DbaasResourcesPickerFieldSchema,
  type DbaasResources,
  type DbaasResourcesPickerProps,
  type DbaasResourcesPickerUiOptions,
} from './schema';
