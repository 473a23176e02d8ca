export { KubeTestCluster } from './KubeTestCluster';
export type { KubeTestClusterOptions } from './KubeTestCluster';
export type { TestImage } from './kubelet/Kubelet';
export type { KubeObject } from './store/objects';
export type { RequestRecord } from './api/router';
