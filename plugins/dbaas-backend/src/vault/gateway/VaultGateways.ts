import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { DriverRegistry } from '../../drivers/DriverRegistry';
import { InstanceStore } from '../../database/InstanceStore';
import { VaultRegistrationStore } from '../VaultRegistrationStore';
import { GatewayAddress, GatewayDeps, VaultGateway } from './VaultGateway';

/** `dbaas.vault.gateway`: where gateways listen, and the address Vault is given. */
export interface GatewaySettings {
  host: string;
  advertiseHost: string;
  ports: { start: number; end: number };
}

export interface GatewaysDeps extends GatewayDeps {
  instances: InstanceStore;
  drivers: DriverRegistry;
  registrations: VaultRegistrationStore;
  logger: LoggerService;
}

/**
 * A gateway per registered instance, each on its own port from the
 * configured range, kept across backend restarts (Vault's config names
 * the port, and only Vault knows the password to change it).
 */
export class VaultGateways {
  readonly #settings: GatewaySettings;
  readonly #deps: GatewaysDeps;
  readonly #open = new Map<string, { gateway: VaultGateway; port: number }>();

  constructor(settings: GatewaySettings, deps: GatewaysDeps) {
    this.#settings = settings;
    this.#deps = deps;
  }

  /** The instance's gateway, started on its port (a free one the first time). */
  async addressOf(instance: Instance, port?: number): Promise<GatewayAddress> {
    const open = this.#open.get(instance.id);
    if (open) return { host: this.#settings.advertiseHost, port: open.port };
    const chosen = port ?? (await this.#freePort(instance.id));
    const gateway = new VaultGateway(
      this.#deps,
      this.#deps.drivers.get(instance.platform),
      () => this.#deps.instances.get(instance.id),
    );
    await gateway.listen({ host: this.#settings.host, port: chosen });
    this.#open.set(instance.id, { gateway, port: chosen });
    return { host: this.#settings.advertiseHost, port: chosen };
  }

  async #freePort(instanceId: string): Promise<number> {
    const taken = new Set(
      (await this.#deps.registrations.all())
        .filter(r => r.instanceId !== instanceId && r.port)
        .map(r => r.port),
    );
    for (const open of this.#open.values()) taken.add(open.port);
    const { start, end } = this.#settings.ports;
    for (let port = start; port <= end; port++) {
      if (!taken.has(port)) return port;
    }
    throw new ServiceUnavailableError(
      `Every Vault gateway port (${start}-${end}, dbaas.vault.gateway.ports) is in use`,
    );
  }

  /** After a backend restart: the gateways of instances Vault already knows. */
  async reopen(): Promise<void> {
    for (const registration of await this.#deps.registrations.all()) {
      if (registration.status !== 'registered' || registration.nodeId) continue;
      if (!registration.port) continue;
      const instance = await this.#deps.instances.get(registration.instanceId);
      if (!instance) continue;
      try {
        await this.addressOf(instance, registration.port);
      } catch (error) {
        this.#deps.logger.error(
          `Could not reopen the Vault gateway of ${instance.name} on port ${
            registration.port
          }: ${(error as Error).message}`,
        );
      }
    }
  }

  async close(instanceId: string): Promise<void> {
    const open = this.#open.get(instanceId);
    this.#open.delete(instanceId);
    await open?.gateway.close();
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.#open.keys()]) await this.close(id);
  }
}
