import { BackupRecord } from './BackupCatalog';
import { expiredBackups } from './pruneBackups';

const now = new Date('2026-12-06T12:00:00Z');
const DAY = 86_400_000;

function backup(
  id: string,
  daysAgo: number,
  extra: Partial<BackupRecord> = {},
): BackupRecord {
  return {
    id,
    instanceId: 'i',
    instanceName: 'n',
    operationId: `op-${id}`,
    status: 'complete',
    trigger: 'policy',
    createdAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
    ...extra,
  };
}

describe('expiredBackups', () => {
  it('removes scheduled backups beyond the count or older than the age, newest first kept', () => {
    const history = [
      backup('a', 0),
      backup('manual', 1, { trigger: 'manual' }),
      backup('b', 1),
      backup('failed', 1.5, { status: 'failed' }),
      backup('c', 2),
      backup('d', 9),
    ];
    expect(
      expiredBackups(history, { count: 2, maxAgeDays: 30 }, now).map(b => b.id),
    ).toEqual(['c', 'd']);
    expect(
      expiredBackups(history, { count: 10, maxAgeDays: 7 }, now).map(b => b.id),
    ).toEqual(['d']);
  });

  it('keeps the newest complete backup however old, and manual ones always', () => {
    const history = [
      backup('old', 400),
      backup('older-manual', 500, { trigger: 'manual' }),
    ];
    expect(expiredBackups(history, { count: 1, maxAgeDays: 1 }, now)).toEqual(
      [],
    );
  });
});
