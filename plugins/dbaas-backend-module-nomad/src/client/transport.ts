import { nomadError, unreachableError } from './errors';

/** Where the agent is and who is asking. */
export interface NomadConnection {
  /** e.g. `https://nomad.example.com:4646`; no trailing `/v1`. */
  address: string;
  /** An ACL token's SecretID, sent as `X-Nomad-Token`. */
  token?: string;
  namespace?: string;
  region?: string;
  /** Limit for a request that does not block. Default 10 s. */
  requestTimeoutMs?: number;
  /**
   * The fetch to use; a TLS setup passes one bound to an agent that trusts
   * the cluster's CA and presents a client certificate.
   */
  fetch?: typeof fetch;
}

/** A blocking query: answer once the index moves past `index`, or after `waitMs`. */
export interface QueryOptions {
  index?: number;
  waitMs?: number;
  signal?: AbortSignal;
}

/** A read and the `X-Nomad-Index` it was answered at. */
export interface QueryResult<T> {
  value: T;
  index: number;
}

export interface NomadRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  blocking?: QueryOptions;
  signal?: AbortSignal;
  /** The answer is file contents, not JSON: it comes back as a Buffer. */
  raw?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Nomad adds up to wait/16 to a blocking query's wait so that waiters do
 * not all wake at once; the request may take that long before it answers.
 */
function blockingAllowanceMs(waitMs: number): number {
  return waitMs + Math.ceil(waitMs / 16);
}

/**
 * One HTTP exchange with the agent: namespace and region on every request,
 * the token in `X-Nomad-Token`, blocking parameters as `index` and `wait`,
 * and errors mapped by ./errors.
 */
export class NomadTransport {
  readonly #connection: NomadConnection;
  readonly #fetch: typeof fetch;

  constructor(connection: NomadConnection) {
    this.#connection = {
      ...connection,
      address: connection.address.replace(/\/+$/, ''),
    };
    this.#fetch = connection.fetch ?? fetch;
  }

  get namespace(): string {
    return this.#connection.namespace ?? 'default';
  }

  async send<T>(request: NomadRequest): Promise<QueryResult<T>> {
    const url = this.#url(request);
    const timeoutMs =
      (this.#connection.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) +
      (request.blocking?.index
        ? blockingAllowanceMs(request.blocking.waitMs ?? 300_000)
        : 0);
    const callerSignal = request.signal ?? request.blocking?.signal;
    callerSignal?.throwIfAborted();
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (callerSignal) signals.push(callerSignal);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.#connection.token) {
      headers['X-Nomad-Token'] = this.#connection.token;
    }
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: request.method,
        headers,
        body:
          request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      // The caller's abort is theirs to handle (a lost lease); anything
      // else means the agent did not answer.
      if (callerSignal?.aborted) throw callerSignal.reason;
      throw unreachableError(request.method, request.path, error);
    }
    if (request.raw && response.ok) {
      return {
        value: Buffer.from(await response.arrayBuffer()) as T,
        index: 0,
      };
    }
    const text = await response.text();
    if (!response.ok) {
      throw nomadError({
        method: request.method,
        path: request.path,
        status: response.status,
        body: text,
      });
    }
    const index = Number(response.headers.get('X-Nomad-Index') ?? 0);
    return { value: (text ? JSON.parse(text) : undefined) as T, index };
  }

  #url(request: NomadRequest): string {
    const params = new URLSearchParams();
    const { namespace, region } = this.#connection;
    if (namespace) params.set('namespace', namespace);
    if (region) params.set('region', region);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    if (request.blocking?.index) {
      params.set('index', String(request.blocking.index));
      if (request.blocking.waitMs !== undefined) {
        // A Go duration, which is how Nomad parses `wait`.
        params.set(
          'wait',
          `${Math.max(1, Math.ceil(request.blocking.waitMs))}ms`,
        );
      }
    }
    const query = params.toString();
    return `${this.#connection.address}${request.path}${
      query ? `?${query}` : ''
    }`;
  }
}
