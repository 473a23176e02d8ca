export { DbaasOwnerPicker } from './DbaasOwnerPicker';
export { dbaasOwnerValidation } from './validation';
export {
  DbaasOwnerPickerFieldSchema,
  type DbaasOwnerPickerProps,
} from './schema';
