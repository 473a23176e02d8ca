// The operations of an OpenAPI document in the shape the generators need:
// names, path parameters in path order, and which request parts and success
// responses exist. Schemas are not translated here: the generated code
// points at openapi-typescript's `operations` types for them.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function resolve(doc, maybeRef) {
  if (!maybeRef?.$ref) return maybeRef;
  const parts = maybeRef.$ref.replace(/^#\//, '').split('/');
  return parts.reduce((node, key) => node[key], doc);
}

// A schema that is a reference to a component is named after it.
function modelName(schema) {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema?.$ref ?? '');
  return match?.[1];
}

export function readOperations(doc) {
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) {
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      }
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map(p => resolve(doc, p));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
      for (const name of pathParams) {
        if (!parameters.some(p => p.in === 'path' && p.name === name)) {
          throw new Error(`${method.toUpperCase()} ${path}: no parameter for {${name}}`);
        }
      }
      const success = Object.entries(op.responses ?? {})
        .filter(([code]) => /^2\d\d$/.test(code))
        .map(([code, response]) => {
          const content = resolve(doc, response).content ?? {};
          return {
            code,
            json: Boolean(content['application/json']),
            model: modelName(content['application/json']?.schema),
            text: Boolean(content['text/plain']),
          };
        });
      const body = resolve(doc, op.requestBody);
      const bodyModel = modelName(body?.content?.['application/json']?.schema);
      operations.push({
        method,
        path,
        operationId: op.operationId,
        name: op.operationId[0].toLowerCase() + op.operationId.slice(1),
        description: op.description ?? op.summary,
        pathParams,
        hasQuery: parameters.some(p => p.in === 'query'),
        hasHeaders: parameters.some(p => p.in === 'header'),
        body: body
          ? { required: Boolean(body.required), model: bodyModel }
          : undefined,
        success,
      });
    }
  }
  return operations;
}
