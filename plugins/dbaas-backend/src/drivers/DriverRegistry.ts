import {
  Driver,
  DriverCapabilities,
  DriverConnector,
} from '@justmanage/plugin-dbaas-node';
import { InputError } from '@backstage/errors';
import { Platform } from '@justmanage/plugin-dbaas-common';

/** The drivers registered through the extension point, by platform id. */
export class DriverRegistry {
  readonly #drivers = new Map<string, Driver>();

  add(driver: Driver): void {
    if (!/^[a-z][a-z0-9-]*$/.test(driver.id)) {
      throw new Error(`Invalid dbaas driver id '${driver.id}'`);
    }
    if (this.#drivers.has(driver.id)) {
      throw new Error(
        `A dbaas driver with id '${driver.id}' is already registered`,
      );
    }
    this.#drivers.set(driver.id, driver);
  }

  all(): Driver[] {
    return [...this.#drivers.values()];
  }

  /** For request validation: an unknown platform is the caller's mistake. */
  get(platform: string): Driver {
    const driver = this.#drivers.get(platform);
    if (!driver) {
      throw new InputError(
        `platform: unknown platform '${platform}'; available: ${[
          ...this.#drivers.keys(),
        ].join(', ')}`,
      );
    }
    return driver;
  }

  /** How the backend reaches the nodes of `platform`; undefined dials them directly. */
  connectorOf(platform: string): DriverConnector | undefined {
    return this.#drivers.get(platform)?.connector;
  }

  async platforms(): Promise<Platform[]> {
    return Promise.all(
      this.all().map(async d => toPlatform(d.id, await d.capabilities())),
    );
  }
}

function toPlatform(id: string, c: DriverCapabilities): Platform {
  return {
    id,
    title: c.title,
    regions: c.regions,
    engines: c.engines,
    ha: { replicas: c.ha.replicas, maxReplicas: c.ha.maxReplicas },
    allowList: c.allowList,
    limits: c.limits,
  };
}
