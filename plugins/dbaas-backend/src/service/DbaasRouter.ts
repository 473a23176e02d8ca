import { createOpenApiRouter } from '../schema/openapi/generated/router';

/**
 * The router generated from openapi.yaml: each route's path parameters,
 * query, body and response are typed from the document.
 */
export type DbaasRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;
