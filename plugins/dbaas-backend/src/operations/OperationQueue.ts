import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import {
  Instance,
  InstanceStatus,
  OperationType,
} from '@justmanage/plugin-dbaas-common';
import { EventStore } from '../database/EventStore';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { OperationRegistry } from './OperationRegistry';

/** One operation to queue, and what is written with it. */
export interface OperationRequest {
  instance: Pick<Instance, 'id' | 'name' | 'owner'>;
  type: OperationType;
  params: Record<string, unknown>;
  actor: string;
  idempotencyKey?: string;
  /**
   * Refuse while another operation of the instance is pending or running
   * (every change but create and delete). Default true.
   */
  exclusive?: boolean;
  /** The instance's status from now on, e.g. `updating`. */
  status?: InstanceStatus;
  /** The instance event that records the request. */
  event?: { type: string; message: string };
  /** Further writes that must land with the operation or not at all. */
  within?: (tx: Knex) => Promise<void>;
}

export interface OperationQueueDeps {
  db: Knex;
  instances: InstanceStore;
  operations: OperationStore;
  events: EventStore;
  registry: OperationRegistry;
  /** Wakes the worker so a new operation starts at once. */
  onOperationCreated: () => void;
}

/**
 * The one way to start an operation: the operation, its steps, the status
 * and the event are written in one transaction, then the worker is woken.
 * A crash leaves all of it or nothing.
 */
export class OperationQueue {
  readonly #deps: OperationQueueDeps;

  constructor(deps: OperationQueueDeps) {
    this.#deps = deps;
  }

  async enqueue(request: OperationRequest): Promise<OperationWithOwner> {
    const { db, instances, operations, events, registry } = this.#deps;
    const { instance } = request;
    const steps = registry.get(request.type).steps;
    const id = randomUUID();
    await db.transaction(async tx => {
      if (
        request.exclusive !== false &&
        (await operations.hasActive(instance.id, tx))
      ) {
        throw new ConflictError(
          `Instance ${instance.name} has an operation in progress`,
        );
      }
      await request.within?.(tx);
      if (request.status) {
        await instances.setStatus(instance.id, request.status, tx);
      }
      await operations.create(
        {
          id,
          instanceId: instance.id,
          instanceName: instance.name,
          owner: instance.owner,
          type: request.type,
          params: request.params,
          stepNames: steps,
          createdBy: request.actor,
          idempotencyKey: request.idempotencyKey,
        },
        tx,
      );
      if (request.event) {
        await events.add(
          { instanceId: instance.id, actor: request.actor, ...request.event },
          tx,
        );
      }
    });
    this.#deps.onOperationCreated();
    return (await operations.get(id))!;
  }
}
