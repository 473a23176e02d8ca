import { mockServices } from '@backstage/backend-test-utils';
import { SupervisedInstances, Supervisor } from './Supervisor';

/** A fake fleet: `alive` says which servers run; revive can be made to fail. */
function fakeInstances(ids: string[]) {
  const alive = new Set<string>();
  const revived: Array<{ id: string; at: number }> = [];
  let failing = false;
  let nextPid = 100;
  const instances: SupervisedInstances = {
    wanted: async () => ids,
    livePid: async id => (alive.has(id) ? 1 : undefined),
    revive: async id => {
      revived.push({ id, at: Date.now() });
      if (failing) throw new Error('boom');
      alive.add(id);
      return { pid: nextPid++, started: true };
    },
  };
  return {
    instances,
    alive,
    revived,
    setFailing: (value: boolean) => {
      failing = value;
    },
  };
}

// Fake timers run hundreds of supervisor rounds per test; on a loaded
// machine that takes seconds of real time.
jest.setTimeout(30_000);

describe('Supervisor', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function supervise(instances: SupervisedInstances) {
    const logger = mockServices.logger.mock();
    const supervisor = new Supervisor({
      instances,
      intervalMs: 100,
      maxBackoffMs: 4000,
      logger,
    });
    supervisor.start();
    return { supervisor, logger };
  }

  it('restarts dead servers and leaves live ones alone', async () => {
    const fleet = fakeInstances(['dead', 'live']);
    fleet.alive.add('live');
    const { supervisor, logger } = supervise(fleet.instances);

    await jest.advanceTimersByTimeAsync(100);
    expect(fleet.revived.map(r => r.id)).toEqual(['dead']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('restarted instance dead'),
    );

    await jest.advanceTimersByTimeAsync(1000);
    expect(fleet.revived.map(r => r.id)).toEqual(['dead']);
    await supervisor.stop();
  });

  it('backs off exponentially up to the maximum while restarts fail', async () => {
    const fleet = fakeInstances(['crashy']);
    fleet.setFailing(true);
    const { supervisor, logger } = supervise(fleet.instances);

    await jest.advanceTimersByTimeAsync(20_000);
    const gaps = fleet.revived
      .slice(1)
      .map((r, i) => r.at - fleet.revived[i].at);
    // 1 s, 2 s, 4 s, then capped at maxBackoffMs; each rounded up to the
    // supervisor's 100 ms rounds.
    expect(gaps.slice(0, 5)).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('could not restart instance crashy'),
    );
    await supervisor.stop();
  });

  it('resets the backoff once a server stays up', async () => {
    const fleet = fakeInstances(['flappy']);
    const { supervisor } = supervise(fleet.instances);

    await jest.advanceTimersByTimeAsync(100);
    fleet.alive.delete('flappy'); // dies right after its restart
    await jest.advanceTimersByTimeAsync(1000);
    expect(fleet.revived).toHaveLength(2);
    expect(fleet.revived[1].at - fleet.revived[0].at).toBe(1000);

    // Up long enough to count as healthy again...
    await jest.advanceTimersByTimeAsync(15_000);
    fleet.alive.delete('flappy');
    await jest.advanceTimersByTimeAsync(100);
    // ...so the next death is restarted at once, not after 2 s.
    expect(fleet.revived).toHaveLength(3);
    await supervisor.stop();
  });

  it('stops checking after stop()', async () => {
    const fleet = fakeInstances(['dead']);
    const { supervisor } = supervise(fleet.instances);
    await supervisor.stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(fleet.revived).toEqual([]);
  });
});
