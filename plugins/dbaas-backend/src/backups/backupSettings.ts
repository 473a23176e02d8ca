import { resolve } from 'node:path';
import { Config } from '@backstage/config';

/** `dbaas.backups`, read once at start. */
export interface BackupSettings {
  /** Where the folder store keeps backups. */
  folder: string;
  /** Encrypts every backup; never logged. */
  encryptionKey: string;
}

const MIN_KEY_LENGTH = 32;

/**
 * Backups are on when `dbaas.backups` is set. Its encryption key is then
 * required: a backup is a copy of every key, and it leaves the instance,
 * so it is never written in plain text.
 */
export function readBackupSettings(config: Config): BackupSettings | undefined {
  const backups = config.getOptionalConfig('dbaas.backups');
  if (!backups) return undefined;
  const encryptionKey = backups.getOptionalString('encryptionKey');
  if (!encryptionKey || encryptionKey.length < MIN_KEY_LENGTH) {
    throw new Error(
      `dbaas.backups.encryptionKey is required when backups are enabled and must be at least ${MIN_KEY_LENGTH} characters long`,
    );
  }
  return {
    folder: resolve(
      backups.getOptionalString('folder') ??
        resolve(process.cwd(), 'var', 'dbaas', 'backups'),
    ),
    encryptionKey,
  };
}
