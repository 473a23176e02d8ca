import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from './migrateDatabase';
import { OperationControlStore } from './OperationControlStore';
import { OperationStore } from './OperationStore';

jest.setTimeout(60_000);

describe('OperationControlStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await migrateDatabase({ getClient: async () => knex });
    const operations = new OperationStore(knex);
    for (const id of ['queued', 'claimed']) {
      await operations.create({
        id,
        instanceId: `instance-${id}`,
        instanceName: id,
        owner: 'group:default/a',
        type: 'scan-keys',
        params: {},
        stepNames: ['scan'],
        createdBy: 'user:default/a',
      });
    }
    return { operations, control: new OperationControlStore(knex) };
  }

  it.each(databases.eachSupportedId())(
    'ends an operation no worker holds at once, and leaves a claimed one to its worker, on %p',
    async databaseId => {
      const { operations, control } = await setup(databaseId);
      const claimed = await operations.claimNext('worker-1', 60_000, [
        'queued',
      ]);
      expect(claimed?.id).toBe('claimed');

      expect(await control.requestCancel('queued', 'user:default/b')).toBe(
        true,
      );
      expect(await operations.get('queued')).toMatchObject({
        status: 'failed',
        error: 'Cancelled by user:default/b',
        cancelRequestedBy: 'user:default/b',
        steps: [{ name: 'scan', status: 'skipped' }],
        log: [{ level: 'warn', message: 'Cancelled by user:default/b' }],
      });

      expect(await control.requestCancel('claimed', 'user:default/c')).toBe(
        false,
      );
      expect(await control.cancelRequestedBy('claimed')).toBe('user:default/c');
      // the first request is the one recorded
      await control.requestCancel('claimed', 'user:default/d');
      expect(await operations.get('claimed')).toMatchObject({
        status: 'running',
        cancelRequestedBy: 'user:default/c',
      });
      expect(await control.cancelRequestedBy('queued')).toBe('user:default/b');
    },
  );

  it.each(databases.eachSupportedId())(
    'saves progress and shows it with the operation on %p',
    async databaseId => {
      const { operations, control } = await setup(databaseId);
      const progress = {
        done: 2500,
        total: 10_000,
        unit: 'keys',
        updatedAt: '2026-11-21T10:00:00.000Z',
      };
      await control.setProgress('queued', progress);
      expect((await operations.get('queued'))?.progress).toEqual(progress);
      expect(
        (await operations.listForInstance('instance-queued'))[0].progress,
      ).toEqual(progress);
    },
  );
});
