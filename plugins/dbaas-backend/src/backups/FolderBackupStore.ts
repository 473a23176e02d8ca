import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '@backstage/errors';
import { BackupStore } from './BackupStore';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;

/** Backups as files under one folder, readable by the backend's user only. */
export class FolderBackupStore implements BackupStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = resolve(root);
  }

  #path(name: string): string {
    const path = resolve(this.#root, name);
    // Names come from ids the backend made, but a store must not be the
    // place where a mistake reaches outside its folder.
    if (!NAME.test(name) || !path.startsWith(this.#root + sep)) {
      throw new Error(`Invalid backup object name '${name}'`);
    }
    return path;
  }

  async put(name: string, data: Readable): Promise<void> {
    const path = this.#path(name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const partial = `${path}.partial`;
    try {
      await pipeline(data, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(name: string): Promise<Readable> {
    const path = this.#path(name);
    await stat(path).catch(() => {
      throw new NotFoundError(`Backup object ${name} is not in the store`);
    });
    return createReadStream(path);
  }

  async delete(name: string): Promise<void> {
    const path = this.#path(name);
    await rm(path, { force: true });
    // The backup's folder goes with its last object.
    await rmdir(dirname(path)).catch(() => undefined);
  }

  /** Where an object lives; tests damage backups through it. */
  pathOf(name: string): string {
    return this.#path(name);
  }
}
