import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '@backstage/errors';
import { BackupCipher } from './BackupCipher';
import { BackupStore } from './BackupStore';
import { BackupRecord } from './BackupCatalog';
import { BackupContents, objectNames } from './backupContents';
import { measuringTap } from './measuringTap';

/** What writing a backup's data produced. */
export interface WrittenData {
  sizeBytes: number;
  storedBytes: number;
  rdbSha256: string;
  dataSha256: string;
  head: Buffer;
}

/**
 * A backup's two objects in the store: written encrypted with their
 * checksums measured on the way, and read back only once the checksums
 * recorded in the catalog prove them.
 */
export class BackupArchive {
  readonly #store: BackupStore;
  readonly #cipher: BackupCipher;

  constructor(store: BackupStore, cipher: BackupCipher) {
    this.#store = store;
    this.#cipher = cipher;
  }

  async writeData(
    instanceId: string,
    backupId: string,
    rdb: Readable,
    onBytes?: (bytes: number) => void,
  ): Promise<WrittenData> {
    const plain = measuringTap(onBytes);
    const stored = measuringTap();
    const flowing = new PassThrough();
    const encrypting = pipeline(
      rdb,
      plain.tap,
      this.#cipher.encrypt(),
      stored.tap,
      flowing,
    );
    await Promise.all([
      this.#store.put(objectNames(instanceId, backupId).data, flowing),
      encrypting,
    ]);
    return {
      sizeBytes: plain.measured.bytes,
      storedBytes: stored.measured.bytes,
      rdbSha256: plain.measured.sha256(),
      dataSha256: stored.measured.sha256(),
      head: plain.measured.head,
    };
  }

  async writeContents(
    instanceId: string,
    backupId: string,
    contents: BackupContents,
  ): Promise<{ metaSha256: string; storedBytes: number }> {
    const sealed = await this.#cipher.encryptBuffer(
      Buffer.from(JSON.stringify(contents)),
    );
    const { tap, measured } = measuringTap();
    const flowing = Readable.from([sealed]).pipe(tap);
    await this.#store.put(objectNames(instanceId, backupId).meta, flowing);
    return { metaSha256: measured.sha256(), storedBytes: measured.bytes };
  }

  /**
   * Reads both objects through and compares them with the checksums taken
   * when the backup was made: a flipped byte or a truncated file is found
   * here, before anything is changed.
   */
  async verify(record: BackupRecord): Promise<void> {
    const names = objectNames(record.instanceId, record.id);
    const damaged = (what: string) =>
      new InputError(
        `backupId: backup ${record.id} is damaged (${what}); nothing was changed`,
      );
    for (const [part, expected] of [
      [names.data, record.dataSha256],
      [names.meta, record.metaSha256],
    ] as const) {
      const label = part.endsWith('.rdb.enc') ? 'its data' : 'its manifest';
      let stream: Readable;
      try {
        stream = await this.#store.get(part);
      } catch (error) {
        // Only a missing object is damage; a store that cannot be reached
        // or refuses the backend (wrong S3 credentials) says so itself.
        if ((error as Error).name !== 'NotFoundError') throw error;
        throw damaged(`${label} is missing from the store`);
      }
      const { tap, measured } = measuringTap();
      await pipeline(stream, tap, async (chunks: AsyncIterable<Buffer>) => {
        for await (const _ of chunks) {
          // only measured
        }
      });
      if (measured.sha256() !== expected) {
        throw damaged(
          `the SHA-256 of ${label} is not the one recorded when it was taken`,
        );
      }
    }
  }

  async readContents(record: BackupRecord): Promise<BackupContents> {
    const stored = await this.#store.get(
      objectNames(record.instanceId, record.id).meta,
    );
    return JSON.parse(
      (await this.#cipher.decryptBuffer(stored)).toString('utf8'),
    );
  }

  /**
   * The plain RDB as a stream; it errors (and ends a restore) if the bytes
   * fail the cipher's tag or `rdbSha256`.
   */
  async readData(record: BackupRecord, rdbSha256: string): Promise<Readable> {
    const stored = await this.#store.get(
      objectNames(record.instanceId, record.id).data,
    );
    const { tap, measured } = measuringTap();
    const out = new PassThrough();
    const check = new Transform({
      transform: (chunk, _encoding, done) => done(null, chunk),
      flush(done) {
        done(
          measured.sha256() === rdbSha256
            ? null
            : new Error(`Backup ${record.id} decrypted to different data`),
        );
      },
    });
    pipeline(stored, this.#cipher.decrypt(), tap, check, out).catch(
      () => undefined, // `out` is destroyed with the error, which its reader sees
    );
    return out;
  }

  async remove(record: Pick<BackupRecord, 'instanceId' | 'id'>) {
    const names = objectNames(record.instanceId, record.id);
    await this.#store.delete(names.data);
    await this.#store.delete(names.meta);
  }
}
