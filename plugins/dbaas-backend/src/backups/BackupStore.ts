import type { Readable } from 'node:stream';

/**
 * Where backups are kept, as named objects of bytes: a folder, later object
 * storage. Objects come in already encrypted; a store never sees plain data.
 * Names are `<instanceId>/<backupId>/<part>`.
 */
export interface BackupStore {
  /** Writes the object whole or not at all; an existing one is replaced. */
  put(name: string, data: Readable): Promise<void>;
  /** The object's bytes; NotFoundError when there is none. */
  get(name: string): Promise<Readable>;
  /** Removes an object; one that is already gone is success. */
  delete(name: string): Promise<void>;
}
