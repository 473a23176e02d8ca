import { ConfigReader } from '@backstage/config';
import { readBackupSettings } from './backupSettings';

describe('readBackupSettings', () => {
  it('leaves backups off unless dbaas.backups is set', () => {
    expect(readBackupSettings(new ConfigReader({ dbaas: {} }))).toBeUndefined();
  });

  it('requires an encryption key of 32 characters, and never repeats it', () => {
    for (const backups of [
      { folder: '/tmp/x' },
      { encryptionKey: 'short-secret' },
    ]) {
      let message = '';
      try {
        readBackupSettings(new ConfigReader({ dbaas: { backups } }));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(
        'dbaas.backups.encryptionKey is required when backups are enabled and must be at least 32 characters long',
      );
      expect(message).not.toContain('short-secret');
    }
  });

  it('keeps backups under var/dbaas/backups unless a folder is given', () => {
    const key = 'k'.repeat(32);
    expect(
      readBackupSettings(
        new ConfigReader({ dbaas: { backups: { encryptionKey: key } } }),
      ),
    ).toEqual({
      folder: `${process.cwd()}/var/dbaas/backups`,
      encryptionKey: key,
    });
    expect(
      readBackupSettings(
        new ConfigReader({
          dbaas: { backups: { encryptionKey: key, folder: '/srv/backups' } },
        }),
      )?.folder,
    ).toBe('/srv/backups');
  });
});
