import { Knex } from 'knex';
import { Backup, BackupManifest } from '@justmanage/plugin-dbaas-common';

const TABLE = 'dbaas_backups';

/** A catalog row, with what only the backend sees (checksums). */
export interface BackupRecord {
  id: string;
  instanceId: string;
  instanceName: string;
  operationId: string;
  status: 'running' | 'complete' | 'failed';
  trigger: 'manual' | 'policy' | 'safety';
  createdAt: string;
  finishedAt?: string;
  sizeBytes?: number;
  storedBytes?: number;
  dataSha256?: string;
  metaSha256?: string;
  manifest?: BackupManifest;
  error?: string;
}

interface Row {
  id: string;
  instance_id: string;
  instance_name: string;
  operation_id: string;
  status: string;
  trigger: string;
  created_at: string;
  finished_at: string | null;
  size_bytes: number | string | null;
  stored_bytes: number | string | null;
  data_sha256: string | null;
  meta_sha256: string | null;
  manifest: string | null;
  error: string | null;
}

function fromRow(row: Row): BackupRecord {
  const optional = <T>(value: T | null) => value ?? undefined;
  return {
    id: row.id,
    instanceId: row.instance_id,
    instanceName: row.instance_name,
    operationId: row.operation_id,
    status: row.status as BackupRecord['status'],
    trigger: row.trigger as BackupRecord['trigger'],
    createdAt: row.created_at,
    finishedAt: optional(row.finished_at),
    // PostgreSQL hands bigints back as strings.
    sizeBytes: row.size_bytes === null ? undefined : Number(row.size_bytes),
    storedBytes:
      row.stored_bytes === null ? undefined : Number(row.stored_bytes),
    dataSha256: optional(row.data_sha256),
    metaSha256: optional(row.meta_sha256),
    manifest: row.manifest ? JSON.parse(row.manifest) : undefined,
    error: optional(row.error),
  };
}

/** What the API shows of a backup: no checksums, and its age now. */
export function toApiBackup(record: BackupRecord, now = Date.now()): Backup {
  const { dataSha256, metaSha256, ...shown } = record;
  return {
    ...shown,
    ageSeconds: Math.max(
      0,
      Math.floor((now - Date.parse(record.createdAt)) / 1000),
    ),
  };
}

/** The backups' catalog; the bytes are in the BackupStore. */
export class BackupCatalog {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Records a backup that is starting; recording it again changes nothing. */
  async ensure(record: BackupRecord): Promise<void> {
    await this.#db(TABLE)
      .insert({
        id: record.id,
        instance_id: record.instanceId,
        instance_name: record.instanceName,
        operation_id: record.operationId,
        status: record.status,
        trigger: record.trigger,
        created_at: record.createdAt,
      })
      .onConflict('id')
      .ignore();
  }

  async complete(
    id: string,
    done: Required<
      Pick<
        BackupRecord,
        'sizeBytes' | 'storedBytes' | 'dataSha256' | 'metaSha256' | 'manifest'
      >
    >,
  ): Promise<void> {
    await this.#db(TABLE)
      .where({ id })
      .update({
        status: 'complete',
        finished_at: new Date().toISOString(),
        size_bytes: done.sizeBytes,
        stored_bytes: done.storedBytes,
        data_sha256: done.dataSha256,
        meta_sha256: done.metaSha256,
        manifest: JSON.stringify(done.manifest),
      });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.#db(TABLE).where({ id }).update({
      status: 'failed',
      finished_at: new Date().toISOString(),
      error,
    });
  }

  async get(id: string): Promise<BackupRecord | undefined> {
    const row = await this.#db<Row>(TABLE).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async byOperation(operationId: string): Promise<BackupRecord | undefined> {
    const row = await this.#db<Row>(TABLE)
      .where({ operation_id: operationId })
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** Newest first. */
  async list(instanceId: string): Promise<BackupRecord[]> {
    const rows = await this.#db<Row>(TABLE)
      .where({ instance_id: instanceId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(fromRow);
  }

  async remove(id: string): Promise<void> {
    await this.#db(TABLE).where({ id }).delete();
  }
}
