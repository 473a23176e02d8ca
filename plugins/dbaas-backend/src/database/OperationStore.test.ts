import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from './migrateDatabase';
import { OperationStore } from './OperationStore';

jest.setTimeout(60_000);

describe('OperationStore claims', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await migrateDatabase({ getClient: async () => knex });
    return { knex, store: new OperationStore(knex) };
  }

  function op(id: string, instanceId: string) {
    return {
      id,
      instanceId,
      instanceName: instanceId,
      owner: 'group:default/a',
      type: 'create' as const,
      params: {},
      stepNames: ['provision'],
      createdBy: 'user:default/a',
    };
  }

  it.each(databases.eachSupportedId())(
    'gives each operation to exactly one of many racing workers on %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      for (let i = 0; i < 30; i++) {
        await store.create(op(`op-${i}`, `instance-${i}`));
      }
      const claimedBy = new Map<string, string[]>();
      const worker = async (name: string) => {
        for (;;) {
          const claimed = await store.claimNext(name, 60_000);
          if (!claimed) return;
          claimedBy.set(claimed.id, [
            ...(claimedBy.get(claimed.id) ?? []),
            name,
          ]);
        }
      };
      await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map(worker));
      expect(claimedBy.size).toBe(30);
      expect([...claimedBy.values()].every(owners => owners.length === 1)).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'runs operations of one instance in order, and lets an expired lease be taken over on %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      await store.create(op('first', 'same'));
      await new Promise(r => setTimeout(r, 5));
      await store.create(op('second', 'same'));

      const a = await store.claimNext('a', 50);
      expect(a?.id).toBe('first');
      // the second waits for the first even though it is free to claim
      expect(await store.claimNext('b', 50)).toBeUndefined();

      await new Promise(r => setTimeout(r, 80));
      const taken = await store.claimNext('b', 60_000);
      expect(taken?.id).toBe('first');
      expect(await store.renewLease('first', 'a', 60_000)).toBe(false);
      expect(await store.finish('first', 'a', 'succeeded')).toBe(false);
      expect(await store.finish('first', 'b', 'succeeded')).toBe(true);

      expect((await store.claimNext('b', 60_000))?.id).toBe('second');
    },
  );
});
