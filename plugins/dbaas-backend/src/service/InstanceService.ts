import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Instance,
  createInstanceRequestSchema,
  normalizeEntityRef,
  updateInstanceRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { CredentialStore } from '../database/CredentialStore';
import { EventStore } from '../database/EventStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { operationHandlers } from '../operations/handlers';
import { newInstanceCredentials } from '../operations/aclUsers';
import { checkAgainstPlatform } from './checkAgainstPlatform';
import { savePolicyOnCreate } from '../maintenance/policyChange';

export interface InstanceServiceDeps {
  db: Knex;
  instances: InstanceStore;
  operations: OperationStore;
  credentials: CredentialStore;
  events: EventStore;
  drivers: DriverRegistry;
  /** Wakes the worker so a new operation starts at once. */
  onOperationCreated: () => void;
}

export interface Accepted {
  instance: Instance;
  operation: OperationWithOwner;
}

/**
 * Turns API requests into persisted operations. Everything is validated
 * first and written in one transaction, so a rejected request leaves no row
 * and starts no process, and a crash leaves either all of it or nothing.
 */
export class InstanceService {
  readonly #deps: InstanceServiceDeps;

  constructor(deps: InstanceServiceDeps) {
    this.#deps = deps;
  }

  async create(
    body: unknown,
    actor: string,
    idempotencyKey?: string,
  ): Promise<Accepted & { replayed: boolean }> {
    const { instances, operations, credentials, events, drivers, db } =
      this.#deps;
    if (idempotencyKey !== undefined) {
      const replay = await this.#replay(actor, idempotencyKey, body);
      if (replay) return replay;
    }
    const request = this.#parse(validate(createInstanceRequestSchema, body));
    const driver = drivers.get(request.platform);
    checkAgainstPlatform(request, await driver.capabilities());

    if (await instances.getByName(request.name)) {
      throw new ConflictError(
        `name: an instance named '${request.name}' already exists`,
      );
    }
    const now = new Date().toISOString();
    const instance: Instance = {
      id: randomUUID(),
      name: request.name,
      owner: normalizeEntityRef(request.owner, 'group'),
      description: request.description ?? '',
      ...(request.system
        ? { system: normalizeEntityRef(request.system, 'system') }
        : {}),
      engine: request.engine as Instance['engine'],
      version: request.version,
      platform: request.platform,
      region: request.region,
      resources: request.resources,
      persistence: request.persistence as Instance['persistence'],
      maxmemoryPolicy: request.maxmemoryPolicy,
      config: request.config ?? {},
      replicas: request.replicas,
      status: 'provisioning',
      endpoints: [],
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    const operationId = randomUUID();
    try {
      await db.transaction(async tx => {
        await instances.insert(instance, tx);
        await credentials.insert(instance.id, newInstanceCredentials(), tx);
        await savePolicyOnCreate(tx, instance.id, request.upgradePolicy, actor);
        await operations.create(
          {
            id: operationId,
            instanceId: instance.id,
            instanceName: instance.name,
            owner: instance.owner,
            type: 'create',
            params: { ...request },
            stepNames: operationHandlers.create.steps,
            createdBy: actor,
            idempotencyKey,
          },
          tx,
        );
        await events.add(
          {
            instanceId: instance.id,
            type: 'create-requested',
            actor,
            message: `Requested ${instance.engine} ${instance.version} on ${
              instance.platform
            }/${instance.region}${
              instance.replicas ? ` with ${instance.replicas} replicas` : ''
            }`,
          },
          tx,
        );
      });
    } catch (error) {
      // Two requests raced past the checks above; the unique indexes decide.
      if (idempotencyKey !== undefined) {
        const replay = await this.#replay(actor, idempotencyKey, body);
        if (replay) return replay;
      }
      if (await instances.getByName(instance.name)) {
        throw new ConflictError(
          `name: an instance named '${instance.name}' already exists`,
        );
      }
      throw error;
    }
    this.#deps.onOperationCreated();
    return {
      instance,
      operation: (await operations.get(operationId))!,
      replayed: false,
    };
  }

  async update(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<Accepted> {
    const { instances, operations, drivers, events, db } = this.#deps;
    const request = this.#parse(validate(updateInstanceRequestSchema, body));
    const resources = { ...instance.resources, ...request.resources };
    checkAgainstPlatform(
      { platform: instance.platform, resources: request.resources },
      await drivers.get(instance.platform).capabilities(),
    );
    if (instance.status !== 'running' && instance.status !== 'down') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; it can be changed when it is running or down`,
      );
    }
    const changed: Instance = {
      ...instance,
      description: request.description ?? instance.description,
      resources,
      persistence: (request.persistence ??
        instance.persistence) as Instance['persistence'],
      maxmemoryPolicy: request.maxmemoryPolicy ?? instance.maxmemoryPolicy,
      config: request.config ?? instance.config,
      status: 'updating',
      updatedAt: new Date().toISOString(),
    };
    const previous = {
      description: instance.description,
      resources: instance.resources,
      persistence: instance.persistence,
      maxmemoryPolicy: instance.maxmemoryPolicy,
      config: instance.config,
    };
    const operationId = randomUUID();
    await db.transaction(async tx => {
      if (await operations.hasActive(instance.id, tx)) {
        throw new ConflictError(
          `Instance ${instance.name} has an operation in progress`,
        );
      }
      await instances.update(changed, tx);
      await instances.setStatus(instance.id, 'updating', tx);
      await operations.create(
        {
          id: operationId,
          instanceId: instance.id,
          instanceName: instance.name,
          owner: instance.owner,
          type: 'update',
          params: { changes: request as Record<string, unknown>, previous },
          stepNames: operationHandlers.update.steps,
          createdBy: actor,
        },
        tx,
      );
      await events.add(
        {
          instanceId: instance.id,
          type: 'update-requested',
          actor,
          message: `Requested changes to ${Object.keys(request).join(', ')}`,
        },
        tx,
      );
    });
    this.#deps.onOperationCreated();
    return {
      instance: changed,
      operation: (await operations.get(operationId))!,
    };
  }

  /** Deleting is allowed in any state but `deleting`: it is how failures are cleaned up. */
  async delete(instance: Instance, actor: string): Promise<Accepted> {
    const { instances, operations, events, db } = this.#deps;
    if (instance.status === 'deleting') {
      throw new ConflictError(
        `Instance ${instance.name} is already being deleted`,
      );
    }
    const operationId = randomUUID();
    await db.transaction(async tx => {
      await instances.setStatus(instance.id, 'deleting', tx);
      await operations.create(
        {
          id: operationId,
          instanceId: instance.id,
          instanceName: instance.name,
          owner: instance.owner,
          type: 'delete',
          params: { name: instance.name, platform: instance.platform },
          stepNames: operationHandlers.delete.steps,
          createdBy: actor,
        },
        tx,
      );
      await events.add(
        {
          instanceId: instance.id,
          type: 'delete-requested',
          actor,
          message: 'Requested deletion',
        },
        tx,
      );
    });
    this.#deps.onOperationCreated();
    return {
      instance: { ...instance, status: 'deleting' },
      operation: (await operations.get(operationId))!,
    };
  }

  async get(id: string): Promise<Instance> {
    const instance = await this.#deps.instances.get(id);
    if (!instance) {
      throw new NotFoundError(`No instance with id ${id}`);
    }
    return instance;
  }

  async #replay(
    actor: string,
    key: string,
    body: unknown,
  ): Promise<(Accepted & { replayed: boolean }) | undefined> {
    const operation = await this.#deps.operations.findByIdempotencyKey(
      actor,
      key,
    );
    if (!operation) return undefined;
    const name = (body as { name?: unknown } | null)?.name;
    if (name !== operation.instanceName) {
      throw new ConflictError(
        `Idempotency-Key '${key}' was already used for instance '${operation.instanceName}'`,
      );
    }
    const instance = await this.#deps.instances.get(operation.instanceId);
    if (!instance) {
      throw new ConflictError(
        `Idempotency-Key '${key}' belongs to instance '${operation.instanceName}', which was deleted`,
      );
    }
    return { instance, operation, replayed: true };
  }

  #parse<T>(
    result: { ok: true; value: T } | { ok: false; message: string },
  ): T {
    if (!result.ok) {
      throw new InputError(result.message);
    }
    return result.value;
  }
}
