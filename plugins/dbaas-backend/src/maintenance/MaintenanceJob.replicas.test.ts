import { TestDatabases } from '@backstage/backend-test-utils';
import { maintenanceHarness } from './__testUtils__/maintenanceHarness';

jest.setTimeout(60_000);

describe('the maintenance job on several replicas', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('runs on PostgreSQL too', () => {
    expect(databases.eachSupportedId().map(([id]) => id)).toContain(
      'POSTGRES_15',
    );
  });

  it.each(databases.eachSupportedId())(
    'starts one upgrade and sends one notice when three replicas run at once on %p',
    async databaseId => {
      const h = await maintenanceHarness(databases, databaseId);
      const instance = await h.addInstance();
      await h.setPolicy(instance.id, {
        mode: 'auto-patch',
        windows: ['Sun 02:00-03:00 UTC'],
      });
      const replicas = [h.replica(), h.replica(), h.replica()];

      h.clock.now = new Date('2026-12-05T12:00:00Z');
      await Promise.all(replicas.map(job => job.run()));
      h.clock.now = new Date('2026-12-06T02:05:00Z');
      await Promise.all(replicas.map(job => job.run()));

      expect(await h.operationsOf(instance.id)).toHaveLength(1);
      expect(h.notifications.titles()).toEqual([
        'Redis sessions: patch upgrade to redis 7.0.15+deb12u10 planned Sun 6 Dec 02:00-03:00 UTC',
      ]);
      // The replicas race, so the first two may come in either order.
      const logged = (await h.decisionsOf(instance.id)).map(
        d => `${d.outcome} ${d.reason}`,
      );
      expect([...logged.slice(0, 2)].sort()).toEqual([
        'notified window-ahead',
        'skipped outside-window',
      ]);
      expect(logged.slice(2)).toEqual(['started in-window']);

      const [operation] = await h.operationsOf(instance.id);
      await h.finish(operation.id, 'succeeded');
      await Promise.all(replicas.map(job => job.run()));
      expect(h.notifications.titles()).toHaveLength(2);
    },
  );
});
