export { DbaasClient } from './DbaasClient';
export type {
  DbaasAccepted,
  DbaasInstanceFilter,
  DbaasService,
} from './DbaasClient';
export { dbaasServiceRef } from './dbaasServiceRef';
