// Writes the backend's typed router: the document as a constant (no YAML is
// read at run time) and an endpoint map from which every handler's path
// parameters, query, body and response are typed, as Backstage's
// `backstage-repo-tools package schema openapi generate --server` does.

function endpoint(op) {
  const params = `operations['${op.operationId}']['parameters']`;
  const fields = [];
  if (op.pathParams.length) fields.push(`path: ${params}['path'];`);
  if (op.hasQuery) fields.push(`query: NonNullable<${params}['query']>;`);
  if (op.body) {
    fields.push(
      `body: NonNullable<operations['${op.operationId}']['requestBody']>['content']['application/json'];`,
    );
  }
  const responses = op.success.map(s =>
    s.json
      ? `operations['${op.operationId}']['responses'][${s.code}]['content']['application/json']`
      : s.text
        ? 'string'
        : 'void',
  );
  fields.push(`response: ${[...new Set(responses)].join(' | ') || 'void'};`);
  const method = op.method === 'delete' ? '_delete' : op.method;
  return `  '#${method}|${op.path}': { ${fields.join(' ')} };`;
}

export function routerSource(doc, operations, banner) {
  return `${banner}
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { operations } from '@justmanage/plugin-dbaas-common';

/** The dbaas OpenAPI document, generated from src/schema/openapi.yaml. */
export const spec = ${JSON.stringify(doc, null, 2)} as const;

/** What each route takes and answers, keyed by method and path template. */
export type EndpointMap = {
${operations.map(endpoint).join('\n')}
};

/** An express router that validates requests (and, when asked, responses) against the document. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouterFromGeneratedEndpointMap>['1'],
) => createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, options);
`;
}
