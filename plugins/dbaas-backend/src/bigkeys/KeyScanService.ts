import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ConflictError, InputError } from '@backstage/errors';
import {
  Instance,
  KeyScanReport,
  keyScanRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { operationHandlers } from '../operations/handlers';
import { KeyScanSettings } from './keyScanSettings';
import { KeyScanStore } from './KeyScanStore';
import { KeyScanParams } from './runKeyScan';

export interface KeyScanServiceDeps {
  db: Knex;
  operations: OperationStore;
  settings: KeyScanSettings;
  /** Wakes the worker so the scan starts at once. */
  onOperationCreated: () => void;
}

/** Starts key scans as operations and reads their stored reports. */
export class KeyScanService {
  readonly #deps: KeyScanServiceDeps;
  readonly #store: KeyScanStore;

  constructor(deps: KeyScanServiceDeps) {
    this.#deps = deps;
    this.#store = new KeyScanStore(deps.db);
  }

  async start(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<OperationWithOwner> {
    const request = validate(keyScanRequestSchema, body ?? {});
    if (!request.ok) throw new InputError(request.message);
    if (instance.status !== 'running') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; its keys can be scanned when it is running`,
      );
    }
    const { db, operations, settings } = this.#deps;
    const params: KeyScanParams = { ...request.value, settings };
    const id = randomUUID();
    await db.transaction(async tx => {
      // One operation at a time per instance, as for every change.
      if (await operations.hasActive(instance.id, tx)) {
        throw new ConflictError(
          `Instance ${instance.name} has an operation in progress`,
        );
      }
      await operations.create(
        {
          id,
          instanceId: instance.id,
          instanceName: instance.name,
          owner: instance.owner,
          type: 'scan-keys',
          params: params as unknown as Record<string, unknown>,
          stepNames: operationHandlers['scan-keys'].steps,
          createdBy: actor,
        },
        tx,
      );
    });
    this.#deps.onOperationCreated();
    return (await operations.get(id))!;
  }

  latest(instanceId: string): Promise<KeyScanReport | undefined> {
    return this.#store.latest(instanceId);
  }
}
