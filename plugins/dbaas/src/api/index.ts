export { dbaasApiRef } from './DbaasApi';
export type {
  DbaasApi,
  DbaasAcceptedResponse,
  DbaasInstanceFilter,
} from './DbaasApi';
export { DbaasClient } from './DbaasClient';
