import { LoggerService } from '@backstage/backend-plugin-api';
import { InstanceStore } from '../database/InstanceStore';
import { DriverRegistry } from '../drivers/DriverRegistry';

/**
 * Removes what a platform runs for us that the database does not know.
 * Rows are written before anything is provisioned and deleted only after
 * deprovisioning, so such a leftover can only come from outside the control
 * plane (a restored backup, a hand-edited database) and nobody can reach it.
 */
export class OrphanCollector {
  readonly #instances: InstanceStore;
  readonly #drivers: DriverRegistry;
  readonly #logger: LoggerService;

  constructor(
    instances: InstanceStore,
    drivers: DriverRegistry,
    logger: LoggerService,
  ) {
    this.#instances = instances;
    this.#drivers = drivers;
    this.#logger = logger;
  }

  async collect(): Promise<string[]> {
    const removed: string[] = [];
    for (const driver of this.#drivers.all()) {
      const running = await driver.list();
      if (!running.length) continue;
      const known = new Set(await this.#instances.listIds(driver.id));
      for (const id of running.filter(r => !known.has(r))) {
        this.#logger.warn(
          `Removing orphaned ${driver.id} instance ${id}: the database has no record of it`,
        );
        await driver.deprovision(id, {
          logger: this.#logger,
          signal: new AbortController().signal,
        });
        removed.push(id);
      }
    }
    return removed;
  }
}
