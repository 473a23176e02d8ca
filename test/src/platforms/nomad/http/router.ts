import { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, HttpError } from './HttpError';

/** What a handler is given about one request. */
export interface RequestContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  /** `X-Nomad-Token`, or a Bearer token; undefined when none was sent. */
  token?: string;
  /** Aborted when the caller goes away (a blocking query's client gave up). */
  signal: AbortSignal;
  /** The ACL token the request was made with, once resolved. */
  identity?: Record<string, any>;
}

/** A handler's answer: a JSON value and, for blocking queries, its index. */
export interface HandlerResult {
  value: unknown;
  index?: number;
  /** File contents answered as they are (the client fs endpoints). */
  raw?: Buffer;
}

export type Handler = (ctx: RequestContext) => Promise<HandlerResult>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** `/v1/job/:id/plan` to a pattern; a trailing `*name` takes the rest of the path. */
function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map(part => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      if (part.startsWith('*')) {
        names.push(part.slice(1));
        return '(.+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** May hold a request (a slow server) or throw an HttpError (a refusal). */
type BeforeHook = (ctx: RequestContext, path: string) => void | Promise<void>;

/** A tiny method-and-path router with Nomad's error conventions. */
export class Router {
  readonly #routes: Route[] = [];
  /** Runs before every handler: faults and ACL checks hook in here. */
  #before: Array<BeforeHook> = [];

  on(method: string | string[], path: string, handler: Handler): this {
    for (const m of [method].flat()) {
      this.#routes.push({ method: m, ...compile(path), handler });
    }
    return this;
  }

  before(hook: BeforeHook): this {
    this.#before.push(hook);
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://agent');
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const route = this.#match(req.method ?? 'GET', url.pathname);
      const body = await readJson(req);
      const ctx: RequestContext = {
        method: req.method ?? 'GET',
        params: route.params,
        query: url.searchParams,
        body,
        token: tokenOf(req),
        signal: abort.signal,
      };
      for (const hook of this.#before) await hook(ctx, url.pathname);
      const result = await route.handler(ctx);
      if (result.raw) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(result.raw);
        return;
      }
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
      };
      if (result.index !== undefined) {
        headers['X-Nomad-Index'] = String(result.index);
        headers['X-Nomad-KnownLeader'] = 'true';
        headers['X-Nomad-LastContact'] = '0';
      }
      res.writeHead(200, headers);
      res.end(JSON.stringify(result.value ?? null));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end((error as Error).message);
    }
  }

  #match(method: string, path: string) {
    let pathMatched = false;
    for (const route of this.#routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { handler: route.handler, params };
    }
    throw pathMatched
      ? new HttpError(405, 'Invalid method')
      : new HttpError(404, 'Invalid URL path');
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-nomad-token'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `Failed to decode request body: ${(error as Error).message}`,
    );
  }
}
