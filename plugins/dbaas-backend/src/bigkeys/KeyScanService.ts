import { Knex } from 'knex';
import { ConflictError, InputError } from '@backstage/errors';
import {
  Instance,
  KeyScanReport,
  keyScanRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { OperationWithOwner } from '../database/OperationStore';
import { OperationQueue } from '../operations/OperationQueue';
import { KeyScanSettings } from './keyScanSettings';
import { KeyScanStore } from './KeyScanStore';
import { KeyScanParams } from './runKeyScan';

export interface KeyScanServiceDeps {
  db: Knex;
  queue: OperationQueue;
  settings: KeyScanSettings;
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
    const params: KeyScanParams = {
      ...request.value,
      settings: this.#deps.settings,
    };
    // One operation at a time per instance, as for every change.
    return this.#deps.queue.enqueue({
      instance,
      type: 'scan-keys',
      params: params as unknown as Record<string, unknown>,
      actor,
    });
  }

  latest(instanceId: string): Promise<KeyScanReport | undefined> {
    return this.#store.latest(instanceId);
  }
}
