export { DbaasVersionPicker } from './DbaasVersionPicker';
export { dbaasVersionValidation } from './validation';
export {
  DbaasVersionPickerFieldSchema,
  type DbaasEngineVersion,
  type DbaasVersionPickerProps,
  type DbaasVersionPickerUiOptions,
} from './schema';
