export { DbaasInstanceName } from './DbaasInstanceName';
export { dbaasInstanceNameValidation } from './validation';
export {
  DbaasInstanceNameFieldSchema,
  type DbaasInstanceNameProps,
} from './schema';
