import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { OperationDeps } from '../operations/types';
import { OperationRegistry } from '../operations/OperationRegistry';
import { readVaultSettings } from './readVaultSettings';
import { VaultClient } from './VaultClient';
import { VaultLeaseStore } from './VaultLeaseStore';
import { VaultRegistrationStore } from './VaultRegistrationStore';
import { VaultService } from './VaultService';
import { VaultGateways } from './gateway/VaultGateways';

/** Task id of the follower, which also registers new instances. */
export const VAULT_FOLLOW_TASK = 'dbaas-vault-follow';

/**
 * Vault, when dbaas.vault is set: the service the routes use, a follower
 * task at `followIntervalSeconds`, and what an instance delete does (its
 * leases are forgotten, its registration removed from Vault by the task).
 */
export async function createVault(options: {
  config: Config;
  db: Knex;
  deps: Pick<
    OperationDeps,
    'instances' | 'credentials' | 'users' | 'admin' | 'drivers' | 'events'
  > & { tls?: OperationDeps['tls'] };
  registry: OperationRegistry;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}) {
  const settings = readVaultSettings(options.config);
  if (!settings) return undefined;
  const registrations = new VaultRegistrationStore(options.db);
  const leases = new VaultLeaseStore(options.db);
  const rotationGraceMs = settings.rotationGraceSeconds * 1000;
  const gateways = settings.gateway
    ? new VaultGateways(settings.gateway, {
        ...options.deps,
        registrations,
        logger: options.logger,
        rotationGraceMs,
      })
    : undefined;
  await gateways?.reopen();
  options.lifecycle.addShutdownHook(async () => gateways?.closeAll());
  const service = new VaultService({
    ...options.deps,
    vault: new VaultClient(settings),
    registrations,
    leases,
    logger: options.logger,
    rotationGraceMs,
    trust: async id => options.deps.tls?.trust(id),
    ...(gateways ? { gateway: i => gateways.addressOf(i) } : {}),
    onRemoved: async id => gateways?.close(id),
  });
  options.registry.onInstanceDeleted(async (tx, instanceId) => {
    await leases.deleteAll(tx, instanceId);
    await registrations.markRemoving(tx, instanceId);
  });
  await options.scheduler.scheduleTask({
    id: VAULT_FOLLOW_TASK,
    frequency: { seconds: settings.followIntervalSeconds },
    timeout: { minutes: 2 },
    scope: 'global',
    fn: () => service.followAll(),
  });
  return { service, registrations };
}
