export type { DbaasService } from './DbaasService';
export { DefaultDbaasService } from './DefaultDbaasService';
export { dbaasServiceRef } from './dbaasServiceRef';
// So that a plugin calling the dbaas backend needs no package but this one.
export type {
  Accepted,
  ConnectionDetails,
  CreateInstanceRequest,
  DbaasApiClient,
  DbaasRequestOptions,
  Engine,
  Instance,
  InstanceEndpoint,
  InstanceStatus,
  Operation,
  OperationStep,
  Platform,
  UpdateInstanceRequest,
} from '@justmanage/plugin-dbaas-common';
