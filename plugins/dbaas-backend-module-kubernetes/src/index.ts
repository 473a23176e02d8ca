/**
 * The Kubernetes driver of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export { dbaasModuleKubernetesDriver as default } from './module';
export { KubernetesDriver } from './KubernetesDriver';
