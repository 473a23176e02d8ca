import { randomBytes } from 'node:crypto';
import {
  ACL_PRESETS,
  aclRulesForEngine,
  aclRulesOf,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import { aclPasswordHash, Driver } from '@justmanage/plugin-dbaas-node';
import { OperationDeps } from '../operations/types';
import { convergeUsersOnNodes } from '../users/convergeUsersOnNodes';
import { VaultClient, VaultRole } from './VaultClient';
import { VaultRegistrationStore } from './VaultRegistrationStore';
import { VAULT_USERNAME } from './vaultUsernames';
import { GatewayAddress } from './gateway/VaultGateway';

/** What Vault's plugin needs on a node: managing users, nothing else. */
export const VAULT_USER_RULES =
  '-@all +acl|setuser +acl|getuser +acl|deluser +ping +auth +hello';

/** A dynamic role per preset, with the rules the Users card gives it. */
export function vaultRolesFor(instance: Instance): VaultRole[] {
  return ACL_PRESETS.map(preset => ({
    name: preset.id,
    rules: aclRulesForEngine(
      instance.engine,
      instance.version,
      aclRulesOf({ preset: preset.id }),
    ).split(' '),
  }));
}

export interface RegisterDeps
  extends Pick<OperationDeps, 'credentials' | 'users' | 'admin'> {
  vault: VaultClient;
  registrations: VaultRegistrationStore;
  /** The instance's CA when it requires TLS, which Vault must trust. */
  trust(instanceId: string): Promise<string | undefined>;
  /** With a gateway, where Vault connects for the instance instead of its primary. */
  gateway?(instance: Instance): Promise<GatewayAddress>;
}

/**
 * Gives Vault a running instance: a user for Vault's plugin on every node
 * (with a password the product makes and forgets), the connection to the
 * primary (or to the gateway in front of the instance) and a role per preset in Vault, then rotate-root, after which
 * only Vault knows that password. A failure leaves the registration
 * pending with Vault's reason; the follower task tries again.
 */
export async function registerWithVault(
  deps: RegisterDeps,
  driver: Driver,
  instance: Instance,
): Promise<void> {
  const roles = vaultRolesFor(instance);
  const pending = (message: string) =>
    deps.registrations.put({
      instanceId: instance.id,
      instanceName: instance.name,
      status: 'pending',
      message,
      roles: roles.map(r => r.name),
    });
  const observed = await driver.observe(instance.id);
  const primary = observed.nodes.find(
    n => n.role === 'primary' && n.phase === 'running' && n.endpoint,
  );
  if (!primary) {
    await pending('The instance has no running primary yet');
    return;
  }
  const password = randomBytes(24).toString('base64url');
  await deps.users.putVaultUser(
    instance.id,
    {
      username: VAULT_USERNAME,
      hashes: [
        { hash: aclPasswordHash(password), addedAt: new Date().toISOString() },
      ],
      rules: VAULT_USER_RULES,
    },
    'justmanage',
  );
  await convergeUsersOnNodes({ deps, driver }, instance);
  const address = deps.gateway
    ? await deps.gateway(instance)
    : primary.endpoint!;
  try {
    await deps.vault.register(
      instance.name,
      {
        host: address.host,
        port: address.port,
        username: VAULT_USERNAME,
        password,
        ...(instance.tls === 'required'
          ? { caCertificate: await deps.trust(instance.id) }
          : {}),
      },
      roles,
    );
  } catch (error) {
    await pending((error as Error).message);
    return;
  }
  await deps.registrations.put({
    instanceId: instance.id,
    instanceName: instance.name,
    status: 'registered',
    // Through the gateway Vault talks to no node in particular.
    ...(deps.gateway ? {} : { nodeId: primary.id }),
    host: address.host,
    port: address.port,
    roles: roles.map(r => r.name),
  });
}
