import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ACL_PRESETS, Instance } from '@justmanage/plugin-dbaas-common';
import { InputError } from '@backstage/errors';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { EventStore } from '../database/EventStore';
import { InstanceStore } from '../database/InstanceStore';
import { followVaultUsers, FollowResult } from './followVaultUsers';
import { convergeUsersOnNodes } from '../users/convergeUsersOnNodes';
import { registerWithVault, RegisterDeps } from './registerWithVault';
import { VaultLeaseRecord, VaultLeaseStore } from './VaultLeaseStore';

/** A lease as owners see it. */
export type VaultLeaseView = Omit<VaultLeaseRecord, 'instanceId'>;

function viewOf({ instanceId: _, ...lease }: VaultLeaseRecord): VaultLeaseView {
  return lease;
}

/** Dynamic credentials as the one response meant to show them carries them. */
export interface IssuedVaultCredentials {
  username: string;
  password: string;
  lease: VaultLeaseView & { leaseDurationSeconds: number };
}

export interface VaultServiceDeps extends RegisterDeps {
  instances: InstanceStore;
  drivers: DriverRegistry;
  leases: VaultLeaseStore;
  events: EventStore;
  logger: LoggerService;
  /** How long a password Vault replaced keeps working on every node. */
  rotationGraceMs: number;
  /** After Vault has forgotten a deleted instance. */
  onRemoved?(instanceId: string): Promise<void>;
}

/**
 * The product's side of Vault: registering instances, following Vault's
 * users onto every node, and dynamic credentials for owners with their
 * leases, each issue and revoke recorded as an event of the instance.
 */
export class VaultService {
  readonly #deps: VaultServiceDeps;

  constructor(deps: VaultServiceDeps) {
    this.#deps = deps;
  }

  /** One round of the follower task, over every instance. */
  async followAll(): Promise<void> {
    const deps = this.#deps;
    for (const registration of await deps.registrations.all()) {
      if (registration.status !== 'removing') continue;
      try {
        await deps.vault.unregister(
          registration.instanceName,
          registration.roles,
          registration.staticRoles,
        );
        await deps.registrations.delete(registration.instanceId);
        await deps.onRemoved?.(registration.instanceId);
      } catch (error) {
        deps.logger.warn(
          `Could not remove ${registration.instanceName} from Vault: ${
            (error as Error).message
          }`,
        );
      }
    }
    for (const instance of await deps.instances.list({ status: ['running'] })) {
      try {
        await this.follow(instance);
      } catch (error) {
        deps.logger.warn(
          `Could not follow Vault's users of ${instance.name}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  /** Registers the instance when Vault does not know it yet, else follows its users. */
  async follow(instance: Instance): Promise<FollowResult> {
    const deps = this.#deps;
    const driver = deps.drivers.get(instance.platform);
    const registration = await deps.registrations.get(instance.id);
    if (!registration || registration.status === 'pending') {
      await registerWithVault(deps, driver, instance);
    }
    const now = await deps.registrations.get(instance.id);
    if (now?.status !== 'registered') {
      return { changes: [], skipped: now?.message ?? 'not registered' };
    }
    const result = await followVaultUsers(
      deps,
      driver,
      instance,
      now,
      deps.rotationGraceMs,
    );
    if (result.changes.length) {
      deps.logger.info(
        `Followed Vault on ${instance.name}: ${result.changes.join(', ')}`,
      );
    }
    return result;
  }

  async #requireRegistered(instance: Instance) {
    const registration = await this.#deps.registrations.get(instance.id);
    if (registration?.status !== 'registered') {
      throw new ConflictError(
        `${instance.name} is not registered with Vault yet${
          registration?.message ? `: ${registration.message}` : ''
        }; the product retries within a health interval`,
      );
    }
    return registration;
  }

  /**
   * Dynamic credentials of a preset's role. Vault creates the user on
   * one node; it is on every node before the password is shown.
   */
  async issue(
    instance: Instance,
    role: unknown,
    actor: string,
  ): Promise<IssuedVaultCredentials> {
    if (typeof role !== 'string' || !ACL_PRESETS.some(p => p.id === role)) {
      throw new InputError(
        `role: must be one of ${ACL_PRESETS.map(p => p.id).join(', ')}`,
      );
    }
    await this.#requireRegistered(instance);
    const deps = this.#deps;
    const issued = await deps.vault.issue(instance.name, role);
    await this.follow(instance);
    const issuedAt = new Date();
    const lease: VaultLeaseRecord = {
      leaseId: issued.leaseId,
      instanceId: instance.id,
      username: issued.username,
      role,
      issuedBy: actor,
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(
        issuedAt.getTime() + issued.leaseDurationSeconds * 1000,
      ).toISOString(),
    };
    await deps.leases.add(lease);
    await deps.events.add({
      instanceId: instance.id,
      type: 'vault-credentials-issued',
      actor,
      message: `${actor} got ${role} credentials from Vault for ${instance.name} (user ${issued.username}, lease ${issued.leaseId})`,
    });
    return {
      username: issued.username,
      password: issued.password,
      lease: {
        ...viewOf(lease),
        leaseDurationSeconds: issued.leaseDurationSeconds,
      },
    };
  }

  /**
   * Hands a product user to a Vault static role: Vault rotates its password
   * at once and on its period from then on. The passwords the user had keep
   * working for the grace; the product stops keeping any.
   */
  async createStaticRole(
    instance: Instance,
    body: { username?: unknown; rotationPeriodSeconds?: unknown },
    actor: string,
  ): Promise<{ username: string; rotationPeriodSeconds: number }> {
    const { username, rotationPeriodSeconds } = body ?? {};
    if (typeof username !== 'string' || !username) {
      throw new InputError('username: must name a user of the instance');
    }
    if (
      typeof rotationPeriodSeconds !== 'number' ||
      !Number.isInteger(rotationPeriodSeconds) ||
      rotationPeriodSeconds < 5
    ) {
      throw new InputError(
        'rotationPeriodSeconds: must be a whole number of seconds, 5 or more (Vault rotates no more often)',
      );
    }
    const registration = await this.#requireRegistered(instance);
    const deps = this.#deps;
    const user = (await deps.users.withPasswords(instance.id)).find(
      u => u.username === username,
    );
    if (!user) {
      throw new NotFoundError(`${instance.name} has no user ${username}`);
    }
    if (user.managedBy !== 'product') {
      throw new ConflictError(`${username} is managed by Vault already`);
    }
    if (user.default) {
      throw new ConflictError(
        `${username} is the instance's default user, whose connection details the product shows; hand another user to Vault`,
      );
    }
    await deps.vault.writeStaticRole(
      instance.name,
      username,
      rotationPeriodSeconds,
    );
    // Through the gateway Vault's rotation made the user Vault's already;
    // straight to a node, the follower compares with what the product had.
    const vaultUsers = await deps.users.vaultUsers(instance.id);
    if (!vaultUsers.some(u => u.username === username)) {
      const addedAt = new Date().toISOString();
      await deps.users.putVaultUser(
        instance.id,
        {
          username,
          rules: user.rules,
          hashes: user.hashes.map(hash => ({ hash, addedAt })),
        },
        actor,
      );
    }
    await deps.registrations.setStaticRoles(instance.id, [
      ...registration.staticRoles.filter(name => name !== username),
      username,
    ]);
    await this.follow(instance);
    await deps.events.add({
      instanceId: instance.id,
      type: 'vault-static-role-created',
      actor,
      message: `${actor} handed ${username} of ${instance.name} to a Vault static role rotating every ${rotationPeriodSeconds} s`,
    });
    return { username, rotationPeriodSeconds };
  }

  async #requireStaticRole(instance: Instance, username: string) {
    const registration = await this.#requireRegistered(instance);
    if (!registration.staticRoles.includes(username)) {
      throw new NotFoundError(
        `${username} of ${instance.name} has no Vault static role`,
      );
    }
    return registration;
  }

  /** The static role's current password, as Vault gives it. */
  async staticCredentials(instance: Instance, username: string, actor: string) {
    await this.#requireStaticRole(instance, username);
    const credentials = await this.#deps.vault.readStaticCredentials(
      instance.name,
      username,
    );
    await this.#deps.events.add({
      instanceId: instance.id,
      type: 'vault-static-credentials-read',
      actor,
      message: `${actor} read ${username}'s static credentials for ${instance.name} from Vault`,
    });
    return credentials;
  }

  /** Ends a static role; the user goes with it, on every node. */
  async deleteStaticRole(instance: Instance, username: string, actor: string) {
    const registration = await this.#requireStaticRole(instance, username);
    const deps = this.#deps;
    await deps.vault.deleteStaticRole(instance.name, username);
    await deps.registrations.setStaticRoles(
      instance.id,
      registration.staticRoles.filter(name => name !== username),
    );
    await deps.users.delete(instance.id, username);
    await convergeUsersOnNodes(
      { deps, driver: deps.drivers.get(instance.platform) },
      instance,
    );
    await deps.events.add({
      instanceId: instance.id,
      type: 'vault-static-role-deleted',
      actor,
      message: `${actor} ended the Vault static role of ${username} of ${instance.name}; the user was deleted on every node`,
    });
  }

  async leases(instance: Instance): Promise<VaultLeaseView[]> {
    return (await this.#deps.leases.list(instance.id)).map(viewOf);
  }

  async #lease(instance: Instance, leaseId: string) {
    const lease = await this.#deps.leases.get(instance.id, leaseId);
    if (!lease) {
      throw new NotFoundError(
        `No Vault lease ${leaseId} was issued for ${instance.name}`,
      );
    }
    if (lease.revokedAt) {
      throw new ConflictError(
        `Lease ${leaseId} was revoked at ${lease.revokedAt}`,
      );
    }
    return lease;
  }

  async renew(
    instance: Instance,
    leaseId: string,
    actor: string,
  ): Promise<VaultLeaseView> {
    const lease = await this.#lease(instance, leaseId);
    const renewed = await this.#deps.vault.renew(leaseId);
    const expiresAt = new Date(
      Date.now() + renewed.leaseDurationSeconds * 1000,
    ).toISOString();
    await this.#deps.leases.setExpiry(leaseId, expiresAt);
    await this.#deps.events.add({
      instanceId: instance.id,
      type: 'vault-lease-renewed',
      actor,
      message: `${actor} renewed Vault lease ${leaseId} of ${lease.username} until ${expiresAt}`,
    });
    return { ...viewOf(lease), expiresAt };
  }

  /** Vault deletes the user on its node; following deletes it everywhere, ending its sessions. */
  async revoke(
    instance: Instance,
    leaseId: string,
    actor: string,
  ): Promise<VaultLeaseView> {
    const lease = await this.#lease(instance, leaseId);
    await this.#deps.vault.revoke(leaseId);
    const revokedAt = new Date().toISOString();
    await this.#deps.leases.markRevoked(leaseId, revokedAt);
    await this.follow(instance);
    await this.#deps.events.add({
      instanceId: instance.id,
      type: 'vault-lease-revoked',
      actor,
      message: `${actor} revoked Vault lease ${leaseId}: user ${lease.username} was deleted on every node and its sessions closed`,
    });
    return { ...viewOf(lease), revokedAt };
  }
}
