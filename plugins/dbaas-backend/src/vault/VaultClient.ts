import nodeVault from 'node-vault';
import { explainVaultError } from './vaultErrors';
import { VaultSettings } from './readVaultSettings';

/** How Vault's Redis plugin reaches an instance, as database/config takes it. */
export interface VaultRedisConnection {
  host: string;
  port: number;
  username: string;
  password: string;
  /** With TLS: the instance's CA, which Vault must trust. */
  caCertificate?: string;
}

/** A dynamic role: its ACL rules, as the plugin's creation statement. */
export interface VaultRole {
  name: string;
  rules: string[];
}

/** Dynamic credentials with the lease Vault keeps for them. */
export interface VaultLease {
  leaseId: string;
  leaseDurationSeconds: number;
  username: string;
  password: string;
}

/**
 * The product's use of Vault's database secrets engine, through node-vault:
 * registering an instance (config, roles, rotate-root), issuing dynamic
 * credentials and handling their leases. Every failure is explained with
 * what the product was doing and Vault's reason (see explainVaultError).
 */
export class VaultClient {
  readonly #settings: VaultSettings;
  #vault?: nodeVault.client;

  constructor(settings: VaultSettings) {
    this.#settings = settings;
  }

  get mount(): string {
    return this.#settings.mount;
  }

  async #client(): Promise<nodeVault.client> {
    if (this.#vault) return this.#vault;
    const { address, namespace, auth } = this.#settings;
    const vault = nodeVault({
      endpoint: address,
      ...(namespace ? { namespace } : {}),
      ...(auth.kind === 'token' ? { token: auth.token } : {}),
    });
    if (auth.kind === 'approle') {
      const login = await vault.approleLogin({
        mount_point: auth.mount,
        role_id: auth.roleId,
        secret_id: auth.secretId,
      });
      vault.token = login.auth.client_token;
    }
    this.#vault = vault;
    return vault;
  }

  async #call<T>(doing: string, run: (vault: nodeVault.client) => Promise<T>) {
    try {
      return await run(await this.#client());
    } catch (error) {
      throw explainVaultError(error, doing);
    }
  }

  /** Where an instance's config and roles live: named after the instance. */
  configPath(instanceName: string): string {
    return `${this.#settings.mount}/config/${instanceName}`;
  }

  roleName(instanceName: string, role: string): string {
    return `${instanceName}-${role}`;
  }

  /**
   * Gives Vault an instance: the connection for its own user, a dynamic
   * role per preset, then rotate-root so only Vault knows that user's
   * password from then on.
   */
  async register(
    instanceName: string,
    connection: VaultRedisConnection,
    roles: VaultRole[],
  ): Promise<void> {
    const doing = `Registering ${instanceName} with Vault`;
    await this.#call(doing, async vault => {
      await vault.write(this.configPath(instanceName), {
        plugin_name: 'redis-database-plugin',
        host: connection.host,
        port: connection.port,
        username: connection.username,
        password: connection.password,
        tls: !!connection.caCertificate,
        ...(connection.caCertificate
          ? { ca_cert: connection.caCertificate }
          : {}),
        allowed_roles: roles.map(r => this.roleName(instanceName, r.name)),
        verify_connection: true,
      });
      for (const role of roles) {
        await vault.write(
          `${this.#settings.mount}/roles/${this.roleName(
            instanceName,
            role.name,
          )}`,
          {
            db_name: instanceName,
            creation_statements: [JSON.stringify(role.rules)],
            default_ttl: this.#settings.defaultTtlSeconds,
            max_ttl: this.#settings.maxTtlSeconds,
          },
        );
      }
      await vault.write(
        `${this.#settings.mount}/rotate-root/${instanceName}`,
        {},
      );
    });
  }

  async issue(instanceName: string, role: string): Promise<VaultLease> {
    const path = `${this.#settings.mount}/creds/${this.roleName(
      instanceName,
      role,
    )}`;
    const answer = await this.#call(
      `Getting ${role} credentials for ${instanceName} from Vault`,
      vault => vault.read(path),
    );
    return {
      leaseId: answer.lease_id,
      leaseDurationSeconds: answer.lease_duration,
      username: answer.data.username,
      password: answer.data.password,
    };
  }

  async renew(leaseId: string, incrementSeconds?: number) {
    const answer = await this.#call(`Renewing Vault lease ${leaseId}`, vault =>
      vault.write('sys/leases/renew', {
        lease_id: leaseId,
        ...(incrementSeconds ? { increment: incrementSeconds } : {}),
      }),
    );
    return {
      leaseDurationSeconds: answer.lease_duration as number,
      warnings: (answer.warnings ?? []) as string[],
    };
  }

  async revoke(leaseId: string): Promise<void> {
    await this.#call(`Revoking Vault lease ${leaseId}`, vault =>
      vault.write('sys/leases/revoke', { lease_id: leaseId }),
    );
  }

  /**
   * A static role for an existing user: Vault rotates its password at
   * once and then every `rotationPeriodSeconds`.
   */
  async writeStaticRole(
    instanceName: string,
    username: string,
    rotationPeriodSeconds: number,
  ): Promise<void> {
    await this.#call(
      `Handing ${username} of ${instanceName} to a Vault static role`,
      vault =>
        vault.write(
          `${this.#settings.mount}/static-roles/${this.roleName(
            instanceName,
            username,
          )}`,
          {
            db_name: instanceName,
            username,
            rotation_period: rotationPeriodSeconds,
          },
        ),
    );
  }

  async readStaticCredentials(instanceName: string, username: string) {
    const answer = await this.#call(
      `Reading ${username}'s static credentials for ${instanceName} from Vault`,
      vault =>
        vault.read(
          `${this.#settings.mount}/static-creds/${this.roleName(
            instanceName,
            username,
          )}`,
        ),
    );
    return {
      username: answer.data.username as string,
      password: answer.data.password as string,
      ttlSeconds: answer.data.ttl as number,
      rotationPeriodSeconds: answer.data.rotation_period as number,
    };
  }

  async deleteStaticRole(instanceName: string, username: string) {
    await this.#call(
      `Removing the static role of ${username} of ${instanceName} from Vault`,
      vault =>
        vault.delete(
          `${this.#settings.mount}/static-roles/${this.roleName(
            instanceName,
            username,
          )}`,
        ),
    );
  }

  /** Removes an instance's roles and config; Vault's users on it go with the instance. */
  async unregister(
    instanceName: string,
    roles: string[],
    staticRoles: string[] = [],
  ): Promise<void> {
    await this.#call(`Removing ${instanceName} from Vault`, async vault => {
      for (const role of roles) {
        await vault.delete(
          `${this.#settings.mount}/roles/${this.roleName(instanceName, role)}`,
        );
      }
      for (const username of staticRoles) {
        await vault.delete(
          `${this.#settings.mount}/static-roles/${this.roleName(
            instanceName,
            username,
          )}`,
        );
      }
      await vault.delete(this.configPath(instanceName));
    });
  }
}
