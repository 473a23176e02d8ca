export { dbaasApiRef } from './DbaasApi';
export type { DbaasApi } from './DbaasApi';
export { isNotFoundError } from './isNotFoundError';
export { undefinedOn404 } from './undefinedOn404';
export { previewUpgrade, startUpgrade } from './upgrade';
