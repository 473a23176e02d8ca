import express from 'express';
import { spec } from '../../schema/openapi/generated/router';
import { createRouter, RouterOptions } from '../router';

/**
 * Every method and path of openapi.yaml has a route, and every route is in
 * openapi.yaml: an endpoint that exists in only one of them is either a
 * promise the API does not keep or an API no client was generated for.
 */
describe('the routes and openapi.yaml', () => {
  it('describe the same endpoints', async () => {
    const router = await createRouter(withEveryFeature());
    // Backstage's validated router serves the document itself here.
    const routes = routesOf(router)
      .filter(route => route !== 'GET /openapi.json')
      .sort();
    const documented = Object.entries(spec.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter(method => HTTP_METHODS.includes(method))
          .map(method => `${method.toUpperCase()} ${path}`),
      )
      .sort();

    expect(routes).toEqual(documented);
    // a guard against both lists being empty by mistake
    expect(routes.length).toBeGreaterThan(30);
  });
});

/**
 * A response is checked against its schema, and a schema that allows any
 * further property would let a renamed optional field through unnoticed.
 * Schemas that requests use stay open: their unknown fields reach the zod
 * rules, which refuse them by name ("shards: not a setting"), where the
 * validator could only say "must NOT have additional properties".
 */
describe('openapi.yaml', () => {
  it('closes every object schema of a response that no request uses', () => {
    const inRequests = referencedFrom(
      Object.values(spec.paths).flatMap(item =>
        Object.values(item as Record<string, { requestBody?: unknown }>).map(
          operation => operation.requestBody,
        ),
      ),
    );
    const open: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (
        schema.type === 'object' &&
        schema.properties &&
        !('additionalProperties' in schema)
      ) {
        open.push(where);
      }
      for (const [key, value] of Object.entries(schema)) {
        walk(value, `${where}/${key}`);
      }
    };
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      if (!inRequests.has(name)) walk(schema, `#/components/schemas/${name}`);
    }
    walk(spec.components.responses, '#/components/responses');
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        walk(
          (operation as any).responses,
          `#/paths/${path}/${method}/responses`,
        );
      }
    }
    expect(open).toEqual([]);
    expect(inRequests.size).toBeGreaterThan(0);
  });
});

/** The component schemas `nodes` refer to, directly or through others. */
function referencedFrom(nodes: unknown[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: string }).$ref;
    const name = ref?.match(/^#\/components\/schemas\/(.+)$/)?.[1];
    if (name && !names.has(name)) {
      names.add(name);
      visit((spec.components.schemas as Record<string, unknown>)[name]);
    }
    Object.values(node).forEach(visit);
  };
  nodes.forEach(visit);
  return names;
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * Routes are registered when their feature's service is given; apart from
 * the metrics settings, nothing is read while routes are registered, so
 * empty objects stand in for the services here.
 */
function withEveryFeature(): RouterOptions {
  const service = {} as any;
  return {
    httpAuth: service,
    auditor: service,
    authorizer: service,
    service,
    instances: service,
    operations: service,
    events: service,
    waiter: service,
    credentials: service,
    users: service,
    userService: service,
    drivers: service,
    upgrades: service,
    upgradePolicies: service,
    keyScans: service,
    operationControl: service,
    operationTypes: service,
    versions: { catalog: service, planUpgrades: service },
    monitoring: service,
    metrics: { settings: {} } as any,
    diagnostics: service,
    tls: { service, queue: service },
    backups: service,
    backupAnalyser: service,
  };
}

/** `GET /instances/{instanceId}` for each route, in OpenAPI's path syntax. */
function routesOf(router: express.Router): string[] {
  return router.stack.flatMap((layer: any) => {
    if (layer.route) {
      const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods)
        .filter(method => HTTP_METHODS.includes(method))
        .map(method => `${method.toUpperCase()} ${path}`);
    }
    return [];
  });
}
