import { Knex } from 'knex';
import { OperationType } from '@justmanage/plugin-dbaas-common';
import { InstanceCleanups, OperationHandler } from './types';

/** Removes what a feature kept of an instance, inside the delete's transaction. */
export type InstanceCleanup = (tx: Knex, instanceId: string) => Promise<void>;

/**
 * The operation types the worker runs, registered by the features that own
 * them (instance lifecycle, upgrades, key scans), so the engine imports no
 * feature. A type registered twice is a wiring mistake.
 */
export class OperationRegistry implements InstanceCleanups {
  readonly #handlers = new Map<OperationType, OperationHandler>();
  readonly #cleanups: InstanceCleanup[] = [];

  register(handler: OperationHandler): this {
    if (this.#handlers.has(handler.type)) {
      throw new Error(`Operation type '${handler.type}' is already registered`);
    }
    this.#handlers.set(handler.type, handler);
    return this;
  }

  /** What a feature stores per instance goes when the instance does. */
  onInstanceDeleted(cleanup: InstanceCleanup): this {
    this.#cleanups.push(cleanup);
    return this;
  }

  get(type: OperationType): OperationHandler {
    const handler = this.#handlers.get(type);
    if (!handler) {
      throw new Error(`No handler for operation type '${type}'`);
    }
    return handler;
  }

  async cleanUpInstance(tx: Knex, instanceId: string): Promise<void> {
    for (const cleanup of this.#cleanups) await cleanup(tx, instanceId);
  }
}
