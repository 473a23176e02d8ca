// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run `npm run generate:api`. *
// ******************************************************************
export type { paths, components, operations } from './openapi';
export * from './models';
export * from './DbaasApiClient';
