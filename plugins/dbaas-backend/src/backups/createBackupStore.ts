import { Config } from '@backstage/config';
import { BackupStore } from './BackupStore';
import { FolderBackupStore } from './FolderBackupStore';
import { S3BackupStore } from './S3BackupStore';
import { readS3StoreSettings } from './s3StoreSettings';

/** The S3 store when `dbaas.backups.s3` is set, else the folder. */
export function createBackupStore(config: Config, folder: string): BackupStore {
  const s3 = readS3StoreSettings(config.getConfig('dbaas.backups'));
  return s3 ? S3BackupStore.create(s3) : new FolderBackupStore(folder);
}
