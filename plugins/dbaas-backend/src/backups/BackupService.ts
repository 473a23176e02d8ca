import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  InputError,
  isError,
  NotFoundError,
} from '@backstage/errors';
import {
  Backup,
  BackupPolicy,
  BackupPolicyView,
  Instance,
  backupPolicyProblem,
  createInstanceRequestSchema,
  defaultBackupPolicy,
  nextBackupAt,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { OperationQueue } from '../operations/OperationQueue';
import { OperationStore, OperationWithOwner } from '../database/OperationStore';
import { InstanceService, Accepted } from '../service/InstanceService';
import { CreateAuthorization } from '../permissions/createAuthorization';
import { RdbVersionLookup } from '../upgrades/rdbVersions';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog, BackupRecord, toApiBackup } from './BackupCatalog';
import { BackupPolicyStore } from './BackupPolicyStore';
import { BackupParams } from './backupHandler';
import { RestoreParams } from './restoreHandler';
import { RestoreInPlaceParams } from './restoreInPlaceHandler';
import { RestoreSource, restoreRequestOf } from './restoreRequest';

/**
 * The instance whose backups a request is about: its row while it exists,
 * else the facts its backups' operations kept, so that the backups of a
 * deleted instance stay listable, restorable and deletable by its owners.
 */
export interface BackupSource {
  id: string;
  name: string;
  owner: string;
  instance?: Instance;
}

export interface BackupServiceDeps {
  catalog: BackupCatalog;
  operations: OperationStore;
  policies: BackupPolicyStore;
  archive: BackupArchive;
  queue: OperationQueue;
  drivers: DriverRegistry;
  instanceService: InstanceService;
  rdbVersionOf: RdbVersionLookup;
}

/**
 * Turns backup requests into operations and catalog changes, after every
 * check that can be made up front: a refused request changes nothing.
 */
export class BackupService {
  readonly #deps: BackupServiceDeps;

  constructor(deps: BackupServiceDeps) {
    this.#deps = deps;
  }

  async sourceOf(instanceId: string): Promise<BackupSource> {
    const instance = await this.#deps.instanceService
      .get(instanceId)
      .catch(error => {
        if (isError(error) && error.name === 'NotFoundError') return undefined;
        throw error;
      });
    if (instance) {
      const { id, name, owner } = instance;
      return { id, name, owner, instance };
    }
    const [newest] = await this.#deps.catalog.list(instanceId);
    const operation =
      newest && (await this.#deps.operations.get(newest.operationId));
    if (!operation) {
      throw new NotFoundError(`No instance with id ${instanceId}`);
    }
    return {
      id: instanceId,
      name: operation.instanceName,
      owner: operation.owner,
    };
  }

  async list(source: BackupSource): Promise<Backup[]> {
    const now = Date.now();
    return (await this.#deps.catalog.list(source.id)).map(b =>
      toApiBackup(b, now),
    );
  }

  async backUp(
    instance: Instance,
    actor: string,
    trigger: BackupParams['trigger'] = 'manual',
  ): Promise<{ backup: Backup; operation: OperationWithOwner }> {
    if (instance.status !== 'running') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; it can be backed up while it is running`,
      );
    }
    await this.#requireSnapshots(instance.platform);
    const params: BackupParams = {
      backupId: randomUUID(),
      trigger,
      requestedAt: new Date().toISOString(),
    };
    const operation = await this.#deps.queue.enqueue({
      instance,
      type: 'backup',
      params: { ...params },
      actor,
      event: {
        type: 'backup-requested',
        message: `Requested backup ${params.backupId} (${trigger})`,
      },
    });
    const record: BackupRecord = {
      id: params.backupId,
      instanceId: instance.id,
      instanceName: instance.name,
      operationId: operation.id,
      status: 'running',
      trigger,
      createdAt: params.requestedAt,
    };
    // The operation's first step records it too, should the backend stop here.
    await this.#deps.catalog.ensure(record);
    return { backup: toApiBackup(record), operation };
  }

  async delete(source: BackupSource, backupId: string): Promise<void> {
    const record = await this.#find(source, backupId);
    if (record.status === 'running') {
      throw new ConflictError(
        `Backup ${backupId} is being taken; delete it once it has finished`,
      );
    }
    await this.#deps.archive.remove(record);
    await this.#deps.catalog.remove(record.id);
  }

  async restore(
    source: BackupSource,
    backupId: string,
    body: unknown,
    actor: string,
    authorize: CreateAuthorization,
  ): Promise<Accepted> {
    const record = await this.#find(source, backupId);
    if (record.status !== 'complete' || !record.manifest) {
      throw new ConflictError(
        `Backup ${backupId} is ${record.status}; only a complete backup can be restored`,
      );
    }
    const request = restoreRequestOf(
      source.instance ?? (await this.#goneInstance(source, record)),
      body,
    );
    const parsed = validate(createInstanceRequestSchema, request);
    if (!parsed.ok) throw new InputError(parsed.message);
    authorize({ name: request.name, owner: request.owner });
    this.#requireReadable(record, request);
    await this.#requireSnapshots(request.platform);
    await this.#deps.archive.verify(record);
    const params: RestoreParams = { backupId, sourceInstanceId: source.id };
    const { instance, operation } = await this.#deps.instanceService.create(
      request,
      actor,
      authorize,
      undefined,
      {
        type: 'restore',
        params: { ...params },
        event: {
          type: 'restore-requested',
          message: `Requested ${request.engine} ${request.version} on ${request.platform} from backup ${backupId} of ${source.name}`,
        },
      },
    );
    return { instance, operation };
  }

  /**
   * Replaces the instance's data with one of its backups. The caller types
   * the instance's name, as writes made since the backup are lost; a safety
   * backup of the data as it is comes first.
   */
  async restoreInPlace(
    instance: Instance,
    backupId: string,
    body: unknown,
    actor: string,
  ): Promise<Accepted> {
    const record = await this.#find(instance, backupId);
    const confirm = (body as { confirm?: unknown } | undefined)?.confirm;
    if (confirm !== instance.name) {
      throw new InputError(
        `confirm: type the instance's name, ${instance.name}, to replace its data with backup ${backupId}; writes made since ${record.createdAt} are lost`,
      );
    }
    if (record.status !== 'complete' || !record.manifest) {
      throw new ConflictError(
        `Backup ${backupId} is ${record.status}; only a complete backup can be restored`,
      );
    }
    if (instance.status !== 'running') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; its data can be replaced while it is running`,
      );
    }
    this.#requireReadable(record, instance);
    await this.#requireSnapshots(instance.platform);
    await this.#deps.archive.verify(record);
    const params: RestoreInPlaceParams = {
      backupId,
      safetyBackupId: randomUUID(),
      requestedAt: new Date().toISOString(),
    };
    const operation = await this.#deps.queue.enqueue({
      instance,
      type: 'restore-in-place',
      params: { ...params },
      actor,
      status: 'updating',
      event: {
        type: 'restore-in-place-requested',
        message: `Requested replacing the data of ${instance.name} with backup ${backupId} of ${record.createdAt}, after safety backup ${params.safetyBackupId}`,
      },
    });
    return { instance: { ...instance, status: 'updating' }, operation };
  }

  async policyOf(instance: Instance): Promise<BackupPolicyView> {
    const stored = await this.#deps.policies.get(instance.id);
    const policy = stored ?? defaultBackupPolicy(instance.persistence);
    const last = await this.#lastBackup(instance.id);
    return {
      policy,
      isDefault: !stored,
      ...(last ? { lastBackupAt: last } : {}),
      ...(policy.enabled
        ? {
            nextBackupAt: nextBackupAt(
              policy.schedule,
              last ? new Date(last) : undefined,
              new Date(),
            ).toISOString(),
          }
        : {}),
    };
  }

  async setPolicy(
    instance: Instance,
    policy: BackupPolicy,
    actor: string,
  ): Promise<BackupPolicyView> {
    const problem = backupPolicyProblem(policy);
    if (problem) throw new InputError(problem);
    if (policy.enabled) await this.#requireSnapshots(instance.platform);
    await this.#deps.policies.set(instance.id, policy, actor);
    return this.policyOf(instance);
  }

  async #lastBackup(instanceId: string): Promise<string | undefined> {
    const all = await this.#deps.catalog.list(instanceId);
    return all.find(b => b.status === 'complete')?.createdAt;
  }

  /** A deleted instance's settings, as its backup recorded them. */
  async #goneInstance(
    source: BackupSource,
    record: BackupRecord,
  ): Promise<RestoreSource> {
    await this.#deps.archive.verify(record);
    const { config, manifest } = await this.#deps.archive.readContents(record);
    return { ...config, ...source, engine: manifest.engine };
  }

  async #find(
    instance: Pick<BackupSource, 'id' | 'name'>,
    backupId: string,
  ): Promise<BackupRecord> {
    const record = await this.#deps.catalog.get(backupId);
    if (!record || record.instanceId !== instance.id) {
      throw new NotFoundError(
        `Instance ${instance.name} has no backup ${backupId}`,
      );
    }
    return record;
  }

  /** A server refuses RDB files newer than the version it writes. */
  #requireReadable(
    record: BackupRecord,
    target: { engine: Instance['engine']; version: string },
  ) {
    const manifest = record.manifest!;
    const reads = this.#deps.rdbVersionOf(target.engine, target.version);
    if (reads !== undefined && reads < manifest.rdbVersion) {
      throw new InputError(
        `version: ${target.engine} ${target.version} reads RDB format up to version ${reads}, but backup ${record.id} (${manifest.engine} ${manifest.version}) is RDB format version ${manifest.rdbVersion}; pick a version that reads it`,
      );
    }
  }

  /** Whether the instance's platform can copy its data out at all. */
  canBackUp(instance: Pick<Instance, 'platform'>): boolean {
    return Boolean(this.#deps.drivers.get(instance.platform).snapshots);
  }

  async #requireSnapshots(platform: string) {
    if (!this.#deps.drivers.get(platform).snapshots) {
      throw new InputError(
        `platform: ${platform} cannot copy data out or in, which backups and restores need`,
      );
    }
  }
}
