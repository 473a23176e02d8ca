export { dbaasApiRef } from './DbaasApi';
export type {
  DbaasApi,
  DbaasAcceptedResponse,
  DbaasInstanceFilter,
  DbaasMetricQuery,
} from './DbaasApi';
export { DbaasClient } from './DbaasClient';
