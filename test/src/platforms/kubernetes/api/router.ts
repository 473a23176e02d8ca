import { IncomingMessage, ServerResponse } from 'node:http';
import {
  apiVersionOf,
  groupList,
  KindInfo,
  kindByPlural,
  resourceList,
} from './kinds';
import { badRequest, KubeApiError } from './status';
import { serveWatch } from './watch';
import { DeletePropagation, ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/objects';

export interface RouterOptions {
  store: ObjectStore;
  token: string;
  /** A fault to answer instead of serving, when set. */
  fault(): KubeApiError | undefined;
  /** Open watch streams. */
  watches: Set<ServerResponse>;
  bookmarkIntervalMs: number;
  /** Every request, for tests that check what the client sent. */
  record(entry: RequestRecord): void;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  status: number;
}

const PATH =
  /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?(?:\/(status))?$/;

/**
 * The REST surface of the API server for the kinds in kinds.ts, from the
 * API reference: discovery, get, list (labelSelector), create, replace,
 * server-side apply, delete with propagationPolicy, dryRun=All on every
 * write, bearer tokens, Status bodies on every failure.
 */
export function createRouter(options: RouterOptions) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://k8s');
    const query = Object.fromEntries(url.searchParams);
    let status = 200;
    const send = (
      code: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      status = code;
      res.writeHead(code, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    try {
      const body = await readBody(req);
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        throw new KubeApiError(401, 'Unauthorized', 'Unauthorized');
      }
      const fault = options.fault();
      if (fault) {
        const retry = fault.details?.retryAfterSeconds;
        send(
          fault.code,
          fault.toStatus(),
          retry ? { 'retry-after': String(retry) } : {},
        );
        return;
      }
      const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
      const collection = PATH.exec(url.pathname.replace(/\/$/, ''));
      if (req.method === 'GET' && watch && collection && !collection[6]) {
        const [, coreVersion, group = '', groupVersion, ns, plural] =
          collection;
        const kind = kindByPlural(group, coreVersion ?? groupVersion, plural);
        if (!kind)
          throw new KubeApiError(
            404,
            'NotFound',
            'the server could not find the requested resource',
          );
        serveWatch(req, res, {
          store: options.store,
          kind,
          namespace: kind.namespaced ? ns : undefined,
          url,
          bookmarkIntervalMs: options.bookmarkIntervalMs,
          open: options.watches,
        });
        return;
      }
      const answer = route(
        options.store,
        req.method ?? 'GET',
        url,
        body,
        req.headers['content-type'],
      );
      send(answer.code, answer.body);
    } catch (error) {
      const apiError =
        error instanceof KubeApiError
          ? error
          : new KubeApiError(
              500,
              'InternalError',
              `Internal error occurred: ${(error as Error).message}`,
            );
      send(apiError.code, apiError.toStatus());
    } finally {
      options.record({
        method: req.method ?? 'GET',
        path: url.pathname,
        query,
        contentType: req.headers['content-type'],
        status,
      });
    }
  };
}

function route(
  store: ObjectStore,
  method: string,
  url: URL,
  rawBody: string,
  contentType: string | undefined,
): { code: number; body: unknown } {
  const path = url.pathname.replace(/\/$/, '');
  if (method === 'GET') {
    if (path === '/version')
      return {
        code: 200,
        body: {
          major: '1',
          minor: '31',
          gitVersion: 'v1.31.0-justmanage-test',
        },
      };
    if (path === '/api')
      return { code: 200, body: { kind: 'APIVersions', versions: ['v1'] } };
    if (path === '/apis') return { code: 200, body: groupList() };
    const discovery = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (discovery) {
      const list = discovery[1]
        ? resourceList('', 'v1')
        : resourceList(discovery[2], discovery[3]);
      if (list) return { code: 200, body: list };
    }
  }
  const m = PATH.exec(path);
  if (!m)
    throw new KubeApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
    );
  const [, coreVersion, group = '', groupVersion, ns, plural, name, sub] = m;
  // `/api/v1/namespaces/<name>` matches with the namespace as the object's name.
  const [namespace, resource, objectName] = [ns, plural, name];
  const kind = kindByPlural(group, coreVersion ?? groupVersion, resource);
  if (!kind)
    throw new KubeApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
    );
  if (sub && sub !== 'status')
    throw new KubeApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
    );
  const dryRun = url.searchParams.getAll('dryRun');
  if (dryRun.some(d => d !== 'All'))
    throw badRequest(
      `Invalid dry run value: ${dryRun.join(',')}; supported values: All`,
    );
  const write = {
    dryRun: dryRun.length > 0,
    fieldManager: url.searchParams.get('fieldManager') ?? undefined,
  };
  const ns2 = kind.namespaced ? namespace : undefined;

  switch (method) {
    case 'GET':
      if (objectName)
        return { code: 200, body: store.get(kind, ns2, objectName) };
      return {
        code: 200,
        body: listBody(
          kind,
          store.list(kind, ns2, url.searchParams.get('labelSelector')),
          store.resourceVersion,
        ),
      };
    case 'POST': {
      if (objectName)
        throw new KubeApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const object = parse(rawBody, kind, ns2);
      return { code: 201, body: store.create(kind, object, write) };
    }
    case 'PUT': {
      const object = parse(rawBody, kind, ns2);
      if (object.metadata.name !== objectName)
        throw badRequest(
          `the name of the object (${object.metadata.name}) does not match the name on the URL (${objectName})`,
        );
      return { code: 200, body: store.replace(kind, object, write) };
    }
    case 'PATCH': {
      const type = (contentType ?? '').split(';')[0].trim();
      if (type !== 'application/apply-patch+yaml') {
        throw new KubeApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (the test server serves server-side apply only)`,
        );
      }
      const force = url.searchParams.get('force');
      const object = parse(rawBody, kind, ns2);
      const existed = !!store.find(kind, ns2, objectName);
      const applied = store.apply(kind, ns2, objectName, object, {
        ...write,
        force: force === 'true',
      });
      return { code: existed ? 200 : 201, body: applied };
    }
    case 'DELETE': {
      let propagation = url.searchParams.get(
        'propagationPolicy',
      ) as DeletePropagation | null;
      if (rawBody) {
        const options = JSON.parse(rawBody);
        propagation = options.propagationPolicy ?? propagation;
        if (options.dryRun?.length) write.dryRun = true;
      }
      if (
        propagation &&
        !['Background', 'Foreground', 'Orphan'].includes(propagation)
      ) {
        throw badRequest(
          `propagationPolicy: Unsupported value: "${propagation}"`,
        );
      }
      const deleted = store.delete(kind, ns2, objectName, {
        dryRun: write.dryRun,
        propagationPolicy: propagation ?? undefined,
      });
      if (deleted.metadata.deletionTimestamp)
        return { code: 200, body: deleted };
      return {
        code: 200,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: {
            name: objectName,
            group: kind.group || undefined,
            kind: kind.plural,
            uid: deleted.metadata.uid,
          },
        },
      };
    }
    default:
      throw new KubeApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
  }
}

function listBody(
  kind: KindInfo,
  items: KubeObject[],
  resourceVersion: string,
) {
  return {
    kind: `${kind.kind}List`,
    apiVersion: apiVersionOf(kind),
    metadata: { resourceVersion },
    // Items of a typed list carry no kind or apiVersion, as from the real server.
    items: items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest),
  };
}

/** JSON, which is YAML too; block-style YAML is not read by the test server. */
function parse(raw: string, kind: KindInfo, namespace?: string): KubeObject {
  let object: KubeObject;
  try {
    object = JSON.parse(raw);
  } catch (error) {
    throw badRequest(
      `error decoding YAML: ${
        (error as Error).message
      } (the test server reads JSON-form bodies only)`,
    );
  }
  if (!object.metadata) object.metadata = { name: '' };
  if (kind.namespaced && namespace && !object.metadata.namespace)
    object.metadata.namespace = namespace;
  return object;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
