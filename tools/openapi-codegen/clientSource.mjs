// Writes the TypeScript client: one method per operation, named after its
// operationId, typed through openapi-typescript's `operations`.

function responseType(op) {
  const types = op.success.map(s => {
    if (s.model) return s.model;
    if (s.json) {
      return `operations['${op.operationId}']['responses'][${s.code}]['content']['application/json']`;
    }
    if (s.text) return 'string';
    return 'void';
  });
  return types.length ? [...new Set(types)].join(' | ') : 'void';
}

function requestType(op) {
  const parts = [];
  const params = `operations['${op.operationId}']['parameters']`;
  if (op.hasQuery) parts.push(`query?: ${params}['query'];`);
  if (op.hasHeaders) parts.push(`headers?: ${params}['header'];`);
  if (op.body) {
    const body = op.body.model ?? `NonNullable<operations['${op.operationId}']['requestBody']>['content']['application/json']`;
    parts.push(op.body.required ? `body: ${body};` : `body?: ${body};`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : undefined;
}

function method(op) {
  const args = op.pathParams.map(p => `${p}: string`);
  const request = requestType(op);
  if (request) {
    args.push(op.body?.required ? `request: ${request}` : `request: ${request} = {}`);
  }
  args.push('options: DbaasRequestOptions = {}');
  const url = op.path.replace(/\{([^}]+)\}/g, (_m, p) => `\${encodeURIComponent(${p})}`);
  const text = op.success.some(s => s.text) && !op.success.some(s => s.json);
  const call = [
    `method: '${op.method.toUpperCase()}'`,
    `path: \`${url}\``,
    request && op.hasQuery ? 'query: request.query' : undefined,
    request && op.hasHeaders ? 'headers: request.headers' : undefined,
    request && op.body ? 'body: request.body' : undefined,
    text ? `accept: 'text'` : undefined,
  ].filter(Boolean);
  const doc = op.description
    ? `  /** ${op.description.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()} */\n`
    : '';
  return `${doc}  async ${op.name}(${args.join(', ')}): Promise<${responseType(op)}> {
    return this.#send({ ${call.join(', ')} }, options);
  }`;
}

export function clientSource(operations, banner) {
  const models = [
    ...new Set(
      operations.flatMap(op => [
        ...op.success.map(s => s.model),
        op.body?.model,
      ]),
    ),
  ]
    .filter(Boolean)
    .sort();
  return `${banner}
import { ResponseError } from '@backstage/errors';
import type { operations } from './openapi';
import type { ${models.join(', ')} } from './models';

/** Where the client finds the dbaas backend: the frontend's discoveryApi or the backend's discovery service fit. @public */
export interface DbaasDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** How the client sends requests: the frontend's fetchApi adds the signed-in user's token. @public */
export interface DbaasFetch {
  fetch: typeof fetch;
}

/** Per call: a Backstage token to send, and a signal to abort the request. @public */
export interface DbaasRequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/**
 * The dbaas REST API, one method per operation of the OpenAPI document.
 * Methods resolve with the response body and reject with a ResponseError
 * carrying the backend's error for any other status.
 * @public
 */
export class DbaasApiClient {
  readonly #discovery: DbaasDiscovery;
  readonly #fetch: typeof fetch;

  constructor(options: { discoveryApi: DbaasDiscovery; fetchApi?: DbaasFetch }) {
    this.#discovery = options.discoveryApi;
    this.#fetch = options.fetchApi?.fetch ?? ((input, init) => fetch(input, init));
  }

${operations.map(method).join('\n\n')}

  async #send(
    request: {
      method: string;
      path: string;
      query?: object;
      headers?: object;
      body?: unknown;
      accept?: 'text';
    },
    options: DbaasRequestOptions,
  ): Promise<any> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) search.append(key, String(item));
      }
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined && value !== null) headers[key] = String(value);
    }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = \`Bearer \${options.token}\`;
    const baseUrl = await this.#discovery.getBaseUrl('dbaas');
    const query = search.toString();
    const response = await this.#fetch(
      \`\${baseUrl}\${request.path}\${query ? \`?\${query}\` : ''}\`,
      {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: options.signal,
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    if (request.accept === 'text') return response.text();
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}
`;
}
