import { randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { DatabaseEngine, VaultError } from './databaseEngine';
import { allowed, Capability, Policy } from './policy';

interface Token {
  policies: Policy[];
  root: boolean;
  displayName: string;
}

interface Fault {
  path: string;
  status: number;
  times: number;
}

/**
 * A Vault for the tests, written from Vault's HTTP API documentation: the
 * database secrets engine with the Redis plugin (whose exact commands run
 * on the real Redis, see RedisPlugin), leases with renew, revoke and
 * expiry, tokens with ACL policies, AppRole login, and sealing. It answers
 * with Vault's shapes: `{"data": ...}` envelopes, 204 for writes,
 * `{"errors": [...]}` with Vault's status codes.
 */
export class TestVault {
  readonly rootToken = `hvs.${randomUUID().replace(/-/g, '')}`;
  readonly #tokens = new Map<string, Token>();
  readonly #appRoles = new Map<
    string,
    { secretId: string; policies: Policy[] }
  >();
  readonly #engines = new Map<string, DatabaseEngine>();
  readonly #faults: Fault[] = [];
  #server?: Server;
  #sealed = false;
  #downPort?: number;
  /** Every request, path and status, for tests that check what was asked. */
  readonly requests: Array<{ method: string; path: string; status: number }> =
    [];

  constructor(options: { mounts?: string[] } = {}) {
    this.#tokens.set(this.rootToken, {
      policies: [],
      root: true,
      displayName: 'root',
    });
    for (const mount of options.mounts ?? []) {
      this.#engines.set(mount, new DatabaseEngine(mount));
    }
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('TestVault is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The database engine at `mount`, for tests that look inside. */
  engine(mount = 'database'): DatabaseEngine {
    const engine = this.#engines.get(mount);
    if (!engine) throw new Error(`No database engine at ${mount}`);
    return engine;
  }

  async start(port = 0): Promise<this> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>(resolve =>
      this.#server!.listen(port, '127.0.0.1', resolve),
    );
    return this;
  }

  async stop(): Promise<void> {
    for (const engine of this.#engines.values()) engine.close();
    await new Promise<void>(resolve =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
  }

  /**
   * Vault down: the port refuses connections until {@link comeBack}, and
   * everything Vault holds (configs, roles, leases) is kept.
   */
  async goDown(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#downPort = (server.address() as AddressInfo).port;
    server.closeAllConnections();
    await new Promise<void>(resolve => server.close(() => resolve()));
  }

  async comeBack(): Promise<void> {
    if (this.#downPort === undefined) return;
    const port = this.#downPort;
    this.#downPort = undefined;
    await this.start(port);
  }

  /** A token with these policies, named as Vault names token logins. */
  createToken(policies: Policy[], displayName = 'token'): string {
    const token = `hvs.${randomUUID().replace(/-/g, '')}`;
    this.#tokens.set(token, { policies, root: false, displayName });
    return token;
  }

  addAppRole(roleId: string, secretId: string, policies: Policy[]) {
    this.#appRoles.set(roleId, { secretId, policies });
  }

  seal() {
    this.#sealed = true;
  }

  unseal() {
    this.#sealed = false;
  }

  /** The next `times` requests to a path starting with `path` get `status`. */
  fail(path: string, status: number, times = 1) {
    this.#faults.push({ path, status, times });
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://vault');
    const path = url.pathname.replace(/^\/v1\//, '');
    const send = (status: number, body?: unknown) => {
      this.requests.push({ method: req.method ?? '', path, status });
      res.writeHead(
        status,
        body === undefined ? {} : { 'Content-Type': 'application/json' },
      );
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fail = (status: number, message: string) =>
      send(status, { errors: [message] });
    try {
      const body = await readBody(req);
      if (!url.pathname.startsWith('/v1/')) return fail(404, 'not found');
      if (path === 'sys/seal-status' && req.method === 'GET') {
        return send(200, {
          type: 'shamir',
          initialized: true,
          sealed: this.#sealed,
          t: 1,
          n: 1,
          progress: 0,
          version: '1.17.2',
        });
      }
      if (this.#sealed) return fail(503, 'Vault is sealed');
      const fault = this.#faults.find(
        f => path.startsWith(f.path) && f.times > 0,
      );
      if (fault) {
        fault.times -= 1;
        return fail(
          fault.status,
          fault.status === 503 ? 'Vault is sealed' : 'internal error',
        );
      }
      if (path === 'auth/approle/login' && req.method === 'POST') {
        const role = this.#appRoles.get(String(body.role_id ?? ''));
        if (!role || role.secretId !== body.secret_id) {
          return fail(400, 'invalid role or secret ID');
        }
        const token = this.createToken(role.policies, 'approle');
        return send(
          200,
          envelope({
            auth: {
              client_token: token,
              accessor: randomUUID(),
              policies: ['default'],
              lease_duration: 2764800,
              renewable: true,
            },
          }),
        );
      }
      const token = this.#tokens.get(
        String(req.headers['x-vault-token'] ?? ''),
      );
      if (!token) return fail(403, 'permission denied');
      const capability = capabilityOf(req.method ?? 'GET', url);
      if (!token.root && !allowedAny(token.policies, path, capability)) {
        return fail(403, '1 error occurred:\n\t* permission denied\n\n');
      }
      const result = await this.#route(
        req.method ?? 'GET',
        path,
        url,
        body,
        token,
      );
      if (result === undefined) {
        return fail(
          404,
          `no handler for route "${path}". route entry not found.`,
        );
      }
      return result === null ? send(204) : send(200, result);
    } catch (error) {
      if (error instanceof VaultError) return fail(error.status, error.message);
      return fail(500, (error as Error).message);
    }
  }

  /** undefined: no such route; null: 204. */
  async #route(
    method: string,
    path: string,
    url: URL,
    body: Record<string, unknown>,
    token: Token,
  ): Promise<unknown> {
    const mountMatch = /^sys\/mounts\/(.+)$/.exec(path);
    if (mountMatch && (method === 'POST' || method === 'PUT')) {
      if (body.type !== 'database') {
        throw new VaultError(
          400,
          `plugin not found in the catalog: ${body.type}`,
        );
      }
      if (this.#engines.has(mountMatch[1])) {
        throw new VaultError(
          400,
          `path is already in use at ${mountMatch[1]}/`,
        );
      }
      this.#engines.set(mountMatch[1], new DatabaseEngine(mountMatch[1]));
      return null;
    }
    if (
      path === 'sys/leases/renew' &&
      (method === 'PUT' || method === 'POST')
    ) {
      const engine = this.#engineOfLease(String(body.lease_id ?? ''));
      const renewed = engine.renew(
        String(body.lease_id),
        body.increment === undefined ? undefined : Number(body.increment),
      );
      return {
        ...envelope({}),
        lease_id: renewed.lease.id,
        renewable: true,
        lease_duration: renewed.ttl,
        data: null,
        warnings: renewed.warnings,
      };
    }
    if (
      path === 'sys/leases/revoke' &&
      (method === 'PUT' || method === 'POST')
    ) {
      const leaseId = String(body.lease_id ?? '');
      const engine = [...this.#engines.values()].find(e =>
        e.leases.has(leaseId),
      );
      await engine?.revoke(leaseId);
      return null;
    }
    if (
      path === 'sys/leases/lookup' &&
      (method === 'PUT' || method === 'POST')
    ) {
      const leaseId = String(body.lease_id ?? '');
      const lease = this.#engineOfLease(leaseId).leases.get(leaseId)!;
      return envelope({
        data: {
          id: lease.id,
          issue_time: new Date(lease.issuedAt).toISOString(),
          expire_time: new Date(lease.expiresAt).toISOString(),
          ttl: Math.max(0, Math.round((lease.expiresAt - Date.now()) / 1000)),
          renewable: true,
        },
      });
    }
    const [mount, kind, ...rest] = path.split('/');
    const engine = this.#engines.get(mount);
    if (!engine) return undefined;
    const name = rest.join('/');
    const listing =
      method === 'LIST' || url.searchParams.get('list') === 'true';
    const write = method === 'POST' || method === 'PUT';
    switch (kind) {
      case 'config':
        if (!name) return undefined;
        if (write) return engine.writeConfig(name, body).then(() => null);
        if (method === 'GET')
          return envelope({ data: engine.readConfig(name) });
        if (method === 'DELETE')
          return engine.deleteConfig(name).then(() => null);
        return undefined;
      case 'roles':
        if (!name && listing) {
          const keys = engine.listRoles();
          if (!keys.length) return undefined;
          return envelope({ data: { keys } });
        }
        if (write) {
          engine.writeRole(name, body);
          return null;
        }
        if (method === 'GET') {
          const role = engine.readRole(name);
          return role ? envelope({ data: role }) : undefined;
        }
        if (method === 'DELETE') {
          engine.deleteRole(name);
          return null;
        }
        return undefined;
      case 'creds': {
        if (method !== 'GET' || !name) return undefined;
        const issued = await engine.issue(name, token.displayName);
        return {
          ...envelope({}),
          lease_id: issued.lease.id,
          renewable: true,
          lease_duration: issued.ttl,
          data: { username: issued.lease.username, password: issued.password },
        };
      }
      case 'rotate-root':
        if (!write || !name) return undefined;
        return engine.rotateRoot(name).then(() => null);
      case 'static-roles':
        if (write) return engine.writeStaticRole(name, body).then(() => null);
        if (method === 'DELETE') {
          engine.deleteStaticRole(name);
          return null;
        }
        return undefined;
      case 'static-creds':
        if (method !== 'GET') return undefined;
        return envelope({ data: engine.readStaticCreds(name) });
      case 'rotate-role':
        if (!write) return undefined;
        return engine.rotateStatic(name).then(() => null);
      default:
        return undefined;
    }
  }

  #engineOfLease(leaseId: string): DatabaseEngine {
    const engine = [...this.#engines.values()].find(e => e.leases.has(leaseId));
    if (!engine) throw new VaultError(400, 'lease not found');
    return engine;
  }
}

function envelope(parts: Record<string, unknown>) {
  return {
    request_id: randomUUID(),
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data: null,
    wrap_info: null,
    warnings: null,
    auth: null,
    ...parts,
  };
}

function capabilityOf(method: string, url: URL): Capability {
  if (method === 'LIST' || url.searchParams.get('list') === 'true')
    return 'list';
  if (method === 'GET') return 'read';
  if (method === 'DELETE') return 'delete';
  return 'update';
}

/** A write is allowed with create or update, as Vault decides by existence. */
function allowedAny(policies: Policy[], path: string, capability: Capability) {
  return capability === 'update'
    ? allowed(policies, path, 'update') || allowed(policies, path, 'create')
    : allowed(policies, path, capability);
}

async function readBody(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    throw new VaultError(400, 'failed to parse JSON input: invalid character');
  }
}
