import { randomUUID } from 'crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AllowList,
  Instance,
  OperationType,
  createInstanceRequestSchema,
  normalizeEntityRef,
  updateInstanceRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { CredentialStore } from '../database/CredentialStore';
import { AclUserStore } from '../users/AclUserStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { OperationQueue } from '../operations/OperationQueue';
import { generatePassword } from '../crypto/SecretBox';
import { defaultAppUser, newAdminCredential } from '../operations/aclUsers';
import { checkAgainstPlatform } from './checkAgainstPlatform';
import { requestReplicaChange } from '../replication/requestReplicaChange';
import { savePolicyOnCreate } from '../maintenance/policyChange';
import { CreateAuthorization } from '../permissions/createAuthorization';
import { InstanceTls } from '../tls/InstanceTls';

export interface InstanceServiceDeps {
  instances: InstanceStore;
  operations: OperationStore;
  credentials: CredentialStore;
  users: AclUserStore;
  drivers: DriverRegistry;
  queue: OperationQueue;
  /** Makes the CA of an instance created with TLS. */
  tls?: InstanceTls;
  /** The allow-list of an instance created without one (dbaas.allowList.default). */
  defaultAllowList: AllowList;
}

export interface Accepted {
  instance: Instance;
  operation: OperationWithOwner;
}

/**
 * An operation that makes the new instance instead of `create`, e.g. a
 * restore that loads a backup into it.
 */
export interface CreateAs {
  type: OperationType;
  params: Record<string, unknown>;
  event: { type: string; message: string };
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

  /**
   * @param authorize - the caller's permission to create, applied to the
   *   parsed name and owner before anything else is looked at.
   */
  async create(
    body: unknown,
    actor: string,
    authorize: CreateAuthorization,
    idempotencyKey?: string,
    as?: CreateAs,
  ): Promise<Accepted & { replayed: boolean }> {
    const { instances, credentials, users, drivers, queue } = this.#deps;
    if (idempotencyKey !== undefined) {
      const replay = await this.#replay(actor, idempotencyKey, body);
      if (replay) return replay;
    }
    const request = this.#parse(validate(createInstanceRequestSchema, body));
    const owner = normalizeEntityRef(request.owner, 'group');
    authorize({ name: request.name, owner });
    const driver = drivers.get(request.platform);
    const allowList = request.allowList ?? this.#deps.defaultAllowList;
    checkAgainstPlatform(
      { ...request, allowList },
      await driver.capabilities(),
    );

    if (await instances.getByName(request.name)) {
      throw new ConflictError(
        `name: an instance named '${request.name}' already exists`,
      );
    }
    const now = new Date().toISOString();
    const instance: Instance = {
      id: randomUUID(),
      name: request.name,
      owner,
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
      tls: request.tls,
      allowList,
      status: 'provisioning',
      endpoints: [],
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    if (instance.tls === 'required' && !this.#deps.tls) {
      throw new InputError('tls: this backend is not set up to serve TLS');
    }
    const writeCa =
      instance.tls === 'required'
        ? await this.#deps.tls!.prepare(instance)
        : undefined;
    let operation;
    try {
      operation = await queue.enqueue({
        instance,
        type: as?.type ?? 'create',
        params: { ...request, ...as?.params },
        actor,
        idempotencyKey,
        // the instance row is new: nothing else can run on it
        exclusive: false,
        event: as?.event ?? {
          type: 'create-requested',
          message: `Requested ${instance.engine} ${instance.version} on ${
            instance.platform
          }/${instance.region}${
            instance.replicas ? ` with ${instance.replicas} replicas` : ''
          }`,
        },
        within: async tx => {
          await instances.insert(instance, tx);
          await credentials.insert(instance.id, [newAdminCredential()], tx);
          await writeCa?.(tx);
          await users.insert(
            instance.id,
            defaultAppUser(actor),
            generatePassword(),
            tx,
          );
          await savePolicyOnCreate(
            tx,
            instance.id,
            request.upgradePolicy,
            actor,
          );
        },
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
    return { instance, operation, replayed: false };
  }

  async update(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<Accepted> {
    const { instances, drivers, queue } = this.#deps;
    const request = this.#parse(validate(updateInstanceRequestSchema, body));
    const resources = { ...instance.resources, ...request.resources };
    checkAgainstPlatform(
      {
        platform: instance.platform,
        resources: request.resources,
        allowList: request.allowList,
      },
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
      ...(request.allowList || instance.allowList
        ? { allowList: request.allowList ?? instance.allowList }
        : {}),
      status: 'updating',
      updatedAt: new Date().toISOString(),
    };
    const previous = {
      description: instance.description,
      resources: instance.resources,
      persistence: instance.persistence,
      maxmemoryPolicy: instance.maxmemoryPolicy,
      config: instance.config,
      allowList: instance.allowList ?? null,
    };
    const operation = await queue.enqueue({
      instance,
      type: 'update',
      params: { changes: request as Record<string, unknown>, previous },
      actor,
      status: 'updating',
      event: {
        type: 'update-requested',
        message: `Requested changes to ${Object.keys(request).join(', ')}`,
      },
      within: tx => instances.update(changed, tx),
    });
    return { instance: changed, operation };
  }

  /** PUT /instances/{id}/replicas; see requestReplicaChange. */
  async setReplicas(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<Accepted> {
    return requestReplicaChange(this.#deps, instance, body, actor);
  }

  /** Deleting is allowed in any state but `deleting`: it is how failures are cleaned up. */
  async delete(instance: Instance, actor: string): Promise<Accepted> {
    if (instance.status === 'deleting') {
      throw new ConflictError(
        `Instance ${instance.name} is already being deleted`,
      );
    }
    const operation = await this.#deps.queue.enqueue({
      instance,
      type: 'delete',
      params: { name: instance.name, platform: instance.platform },
      actor,
      // a delete also cleans up after a failed or stuck operation
      exclusive: false,
      status: 'deleting',
      event: { type: 'delete-requested', message: 'Requested deletion' },
    });
    return { instance: { ...instance, status: 'deleting' }, operation };
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
