import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { BackupAnalysis } from '@justmanage/plugin-dbaas-common';
import { CredentialStore } from '../../database/CredentialStore';
import { RespConnection } from '../../bigkeys/resp/RespConnection';
import { RedisAdmin } from '../../redis/RedisAdmin';
import { targetOf } from '../../redis/redisTarget';
import { BackupArchive } from '../BackupArchive';
import { BackupCatalog } from '../BackupCatalog';
import { BackupSource } from '../BackupService';
import { analyseRdb } from './analyseRdb';
import { MemoryUsage } from './rankByMemory';
import { respMemoryUsage } from './respMemoryUsage';

export interface BackupAnalyserDeps {
  catalog: BackupCatalog;
  archive: BackupArchive;
  credentials: CredentialStore;
  admin: RedisAdmin;
}

/** Without a live server (the instance is gone) sizes come from the file. */
const noServer: MemoryUsage = async keys => keys.map(() => null);

/**
 * Memory analysis of a backup: its RDB is decrypted and parsed here, off
 * the instance; the live primary is asked MEMORY USAGE for the top
 * candidates only.
 */
export class BackupAnalyser {
  readonly #deps: BackupAnalyserDeps;

  constructor(deps: BackupAnalyserDeps) {
    this.#deps = deps;
  }

  async analyse(
    source: BackupSource,
    backupId: string,
    options: { topN: number; separator: string },
  ): Promise<BackupAnalysis> {
    const { catalog, archive } = this.#deps;
    const record = await catalog.get(backupId);
    if (!record || record.instanceId !== source.id) {
      throw new NotFoundError(
        `Instance ${source.name} has no backup ${backupId}`,
      );
    }
    if (record.status !== 'complete') {
      throw new ConflictError(
        `Backup ${backupId} is ${record.status}; only a complete backup can be analysed`,
      );
    }
    // A damaged backup is refused with its reason before anything is read
    // into a report: the decrypting stream alone would fail midway.
    await archive.verify(record);
    const { rdbSha256 } = await archive.readContents(record);
    const rdb = await archive.readData(record, rdbSha256);
    const connection = await this.#connect(source);
    try {
      const analysis = await analyseRdb(rdb, {
        ...options,
        memoryUsage: connection ? respMemoryUsage(connection) : noServer,
      });
      return { backupId, instanceId: source.id, ...analysis };
    } finally {
      connection?.close();
    }
  }

  /**
   * The live primary, when the instance runs; a stopped or deleted one
   * leaves the report with sizes from the file only.
   */
  async #connect(source: BackupSource): Promise<RespConnection | undefined> {
    const instance = source.instance;
    const endpoint = instance?.endpoints.find(e => e.role === 'primary');
    if (!instance || instance.status !== 'running' || !endpoint) {
      return undefined;
    }
    const login = await this.#deps.credentials.get(instance.id, 'admin');
    if (!login) return undefined;
    try {
      const route = await this.#deps.admin.route(targetOf(instance, endpoint));
      return await RespConnection.open(route, login, 10_000);
    } catch (error) {
      throw new ServiceUnavailableError(
        `Instance ${instance.name} did not answer for the sizes of its top keys; try again`,
        error,
      );
    }
  }
}
