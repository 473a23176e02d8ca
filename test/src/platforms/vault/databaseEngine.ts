import { randomUUID } from 'node:crypto';
import { seconds } from './durations';
import { RedisConnection, RedisPlugin } from './redisPlugin';
import { vaultPassword, vaultRedisUsername } from './vaultUsername';

/** An error Vault answers with a status and `{"errors": [...]}`. */
export class VaultError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The plugin names Vault accepts for Redis (built-in name and catalog name). */
const REDIS_PLUGINS = ['redis-database-plugin', 'vault-plugin-database-redis'];

/** The mount's default and maximum lease TTL (Vault's system defaults). */
const SYSTEM_TTL = 768 * 3600;

interface DbConfig {
  pluginName: string;
  allowedRoles: string[];
  connection: RedisConnection;
  verifyConnection: boolean;
}

interface DynamicRole {
  dbName: string;
  creationStatements: string[];
  defaultTtl: number;
  maxTtl: number;
}

interface StaticRole {
  dbName: string;
  username: string;
  rotationPeriod: number;
  password: string;
  lastRotation: Date;
  timer?: NodeJS.Timeout;
}

export interface Lease {
  id: string;
  role: string;
  dbName: string;
  username: string;
  issuedAt: number;
  expiresAt: number;
  maxExpiresAt: number;
  timer?: NodeJS.Timeout;
}

/** What happened on Redis through the plugin, in order, for tests to read. */
export interface PluginCall {
  command: 'SETUSER' | 'RESETPASS' | 'DELUSER';
  username: string;
  node: string;
}

/** creation_statements: one statement or a list of them. */
function statementsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The database secrets engine at one mount, with the Redis plugin: configs,
 * dynamic and static roles, and leases that expire by themselves. State
 * lives in memory for the life of the test server.
 */
export class DatabaseEngine {
  readonly #plugin = new RedisPlugin();
  readonly #configs = new Map<string, DbConfig>();
  readonly #roles = new Map<string, DynamicRole>();
  readonly #static = new Map<string, StaticRole>();
  readonly leases = new Map<string, Lease>();
  readonly calls: PluginCall[] = [];

  constructor(readonly mount: string) {}

  #config(name: string): DbConfig {
    const config = this.#configs.get(name);
    if (!config)
      throw new VaultError(
        400,
        `no database configuration found for "${name}"`,
      );
    return config;
  }

  #record(command: PluginCall['command'], username: string, config: DbConfig) {
    const { host, port } = config.connection;
    this.calls.push({ command, username, node: `${host}:${port}` });
  }

  async writeConfig(name: string, body: Record<string, unknown>) {
    const pluginName = String(body.plugin_name ?? '');
    if (!pluginName) throw new VaultError(400, 'empty plugin name');
    if (!REDIS_PLUGINS.includes(pluginName)) {
      throw new VaultError(
        400,
        `error creating database object: invalid database version: 2 errors occurred:\n\t* plugin not found in the catalog: ${pluginName}\n`,
      );
    }
    const previous = this.#configs.get(name);
    const connection: RedisConnection = {
      host: String(body.host ?? previous?.connection.host ?? ''),
      port: Number(body.port ?? previous?.connection.port ?? 0),
      username: String(body.username ?? previous?.connection.username ?? ''),
      password: String(body.password ?? previous?.connection.password ?? ''),
      tls: Boolean(body.tls ?? previous?.connection.tls ?? false),
      caCert:
        (body.ca_cert as string | undefined) ?? previous?.connection.caCert,
    };
    for (const field of ['host', 'username', 'password'] as const) {
      if (!connection[field]) {
        throw new VaultError(
          400,
          `error creating database object: ${field} cannot be empty`,
        );
      }
    }
    if (!connection.port) {
      throw new VaultError(
        400,
        'error creating database object: port cannot be empty',
      );
    }
    const config: DbConfig = {
      pluginName,
      allowedRoles: list(body.allowed_roles ?? previous?.allowedRoles),
      connection,
      verifyConnection: body.verify_connection !== false,
    };
    if (config.verifyConnection) {
      try {
        await this.#plugin.verify(connection);
      } catch (error) {
        throw new VaultError(
          400,
          `error creating database object: error verifying connection: ${
            (error as Error).message
          }`,
        );
      }
    }
    this.#configs.set(name, config);
  }

  readConfig(name: string) {
    const config = this.#config(name);
    // The password never comes back, as in Vault.
    return {
      allowed_roles: config.allowedRoles,
      connection_details: {
        host: config.connection.host,
        port: config.connection.port,
        username: config.connection.username,
        tls: config.connection.tls,
        insecure_tls: false,
      },
      plugin_name: config.pluginName,
      plugin_version: '',
      password_policy: '',
      root_credentials_rotate_statements: [],
      verify_connection: config.verifyConnection,
    };
  }

  async deleteConfig(name: string) {
    this.#configs.delete(name);
  }

  async rotateRoot(name: string) {
    const config = this.#config(name);
    const password = vaultPassword();
    try {
      await this.#plugin.changePassword(
        config.connection,
        config.connection.username,
        password,
      );
    } catch (error) {
      throw new VaultError(
        500,
        `failed to update user: ${(error as Error).message}`,
      );
    }
    this.#record('RESETPASS', config.connection.username, config);
    config.connection.password = password;
  }

  writeRole(name: string, body: Record<string, unknown>) {
    const dbName = String(body.db_name ?? '');
    if (!dbName) throw new VaultError(400, 'empty database name attribute');
    const defaultTtl = seconds(body.default_ttl ?? 0, 'default_ttl');
    const maxTtl = seconds(body.max_ttl ?? 0, 'max_ttl');
    if (maxTtl && defaultTtl > maxTtl) {
      throw new VaultError(400, 'ttl cannot be greater than max_ttl');
    }
    this.#roles.set(name, {
      dbName,
      creationStatements: statementsOf(body.creation_statements),
      defaultTtl,
      maxTtl,
    });
  }

  readRole(name: string) {
    const role = this.#roles.get(name);
    if (!role) return undefined;
    return {
      db_name: role.dbName,
      creation_statements: role.creationStatements,
      default_ttl: role.defaultTtl,
      max_ttl: role.maxTtl,
      revocation_statements: [],
      rollback_statements: [],
      renew_statements: [],
      credential_type: 'password',
    };
  }

  listRoles(): string[] {
    return [...this.#roles.keys()].sort();
  }

  deleteRole(name: string) {
    this.#roles.delete(name);
  }

  async issue(roleName: string, displayName: string) {
    const role = this.#roles.get(roleName);
    if (!role) throw new VaultError(400, `unknown role: ${roleName}`);
    const config = this.#config(role.dbName);
    if (
      !config.allowedRoles.includes('*') &&
      !config.allowedRoles.includes(roleName)
    ) {
      throw new VaultError(400, `"${roleName}" is not an allowed role`);
    }
    const username = vaultRedisUsername(displayName, roleName);
    const password = vaultPassword();
    try {
      await this.#plugin.newUser(
        config.connection,
        username,
        password,
        role.creationStatements,
      );
    } catch (error) {
      throw new VaultError(500, (error as Error).message);
    }
    this.#record('SETUSER', username, config);
    const now = Date.now();
    const ttl = role.defaultTtl || SYSTEM_TTL;
    const lease: Lease = {
      id: `${this.mount}/creds/${roleName}/${randomUUID()
        .replace(/-/g, '')
        .slice(0, 24)}`,
      role: roleName,
      dbName: role.dbName,
      username,
      issuedAt: now,
      expiresAt: now + ttl * 1000,
      maxExpiresAt: now + (role.maxTtl || SYSTEM_TTL) * 1000,
    };
    this.leases.set(lease.id, lease);
    this.#schedule(lease);
    return { lease, password, ttl };
  }

  /** Vault revokes a lease when it expires: the user is deleted. */
  #schedule(lease: Lease) {
    clearTimeout(lease.timer);
    lease.timer = setTimeout(
      () => void this.revoke(lease.id).catch(() => undefined),
      Math.max(0, lease.expiresAt - Date.now()),
    );
    lease.timer.unref();
  }

  renew(leaseId: string, increment: number | undefined) {
    const lease = this.leases.get(leaseId);
    if (!lease) throw new VaultError(400, 'lease not found');
    const role = this.#roles.get(lease.role);
    const wanted = increment ?? (role?.defaultTtl || SYSTEM_TTL);
    const now = Date.now();
    const capped = Math.min(now + wanted * 1000, lease.maxExpiresAt);
    lease.expiresAt = capped;
    this.#schedule(lease);
    const ttl = Math.max(0, Math.round((capped - now) / 1000));
    return {
      lease,
      ttl,
      warnings:
        capped < now + wanted * 1000
          ? [
              `TTL of "${wanted}s" exceeded the effective max_ttl of "${ttl}s"; TTL value is capped accordingly`,
            ]
          : null,
    };
  }

  async revoke(leaseId: string) {
    const lease = this.leases.get(leaseId);
    if (!lease) return;
    const config = this.#configs.get(lease.dbName);
    if (config) {
      await this.#plugin.deleteUser(config.connection, lease.username);
      this.#record('DELUSER', lease.username, config);
    }
    clearTimeout(lease.timer);
    this.leases.delete(leaseId);
  }

  async writeStaticRole(name: string, body: Record<string, unknown>) {
    const dbName = String(body.db_name ?? '');
    const username = String(body.username ?? '');
    if (!dbName) throw new VaultError(400, 'empty database name attribute');
    if (!username)
      throw new VaultError(
        400,
        'username is a required field to create a static account',
      );
    const existing = this.#static.get(name);
    if (existing && existing.username !== username) {
      throw new VaultError(400, 'cannot update static account username');
    }
    const rotationPeriod = seconds(
      body.rotation_period ?? 0,
      'rotation_period',
    );
    if (rotationPeriod < 5) {
      throw new VaultError(400, 'rotation_period must be 5 seconds or more');
    }
    this.#config(dbName);
    const role: StaticRole = existing ?? {
      dbName,
      username,
      rotationPeriod,
      password: '',
      lastRotation: new Date(0),
    };
    role.rotationPeriod = rotationPeriod;
    this.#static.set(name, role);
    // Vault takes the account over by rotating its password at once.
    if (!existing) await this.rotateStatic(name);
    else this.#scheduleStatic(name, role);
  }

  async rotateStatic(name: string) {
    const role = this.#static.get(name);
    if (!role)
      throw new VaultError(400, `unable to find static role "${name}"`);
    const config = this.#config(role.dbName);
    const password = vaultPassword();
    try {
      await this.#plugin.changePassword(
        config.connection,
        role.username,
        password,
      );
    } catch (error) {
      throw new VaultError(
        500,
        `error setting credentials: ${(error as Error).message}`,
      );
    }
    this.#record('RESETPASS', role.username, config);
    role.password = password;
    role.lastRotation = new Date();
    this.#scheduleStatic(name, role);
  }

  #scheduleStatic(name: string, role: StaticRole) {
    clearTimeout(role.timer);
    const due = role.lastRotation.getTime() + role.rotationPeriod * 1000;
    role.timer = setTimeout(
      () => void this.rotateStatic(name).catch(() => undefined),
      Math.max(0, due - Date.now()),
    );
    role.timer.unref();
  }

  readStaticCreds(name: string) {
    const role = this.#static.get(name);
    if (!role) throw new VaultError(400, `unknown role: ${name}`);
    const due = role.lastRotation.getTime() + role.rotationPeriod * 1000;
    return {
      username: role.username,
      password: role.password,
      last_vault_rotation: role.lastRotation.toISOString(),
      rotation_period: role.rotationPeriod,
      ttl: Math.max(0, Math.round((due - Date.now()) / 1000)),
    };
  }

  deleteStaticRole(name: string) {
    clearTimeout(this.#static.get(name)?.timer);
    this.#static.delete(name);
  }

  /** Stops every timer: the server is going away. */
  close() {
    for (const lease of this.leases.values()) clearTimeout(lease.timer);
    for (const role of this.#static.values()) clearTimeout(role.timer);
  }
}
