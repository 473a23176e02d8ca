export { EntityDbaasContent } from './EntityDbaasContent';
export { isDbaasAvailable } from './isDbaasAvailable';
