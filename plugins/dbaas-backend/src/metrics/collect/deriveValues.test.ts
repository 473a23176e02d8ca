import fc from 'fast-check';
import { deriveValues } from './deriveValues';
import { COUNTERS, Reading } from './reading';

function reading(overrides: Partial<Reading> = {}): Reading {
  return {
    collectedAt: 1_000_000,
    runId: 'run-a',
    uptimeSeconds: 100,
    counters: {},
    gauges: { memory_used_bytes: 1000 },
    info: {},
    ...overrides,
  };
}

const GAP = 150_000;

describe('deriveValues', () => {
  it('turns counters into per-second rates and hits and misses into a ratio', () => {
    const previous = reading({
      counters: {
        commands: 100,
        hits: 10,
        misses: 10,
        cpu_seconds: 2,
        net_in: 0,
      },
    });
    const current = reading({
      collectedAt: previous.collectedAt + 10_000,
      uptimeSeconds: 110,
      counters: {
        commands: 600,
        hits: 40,
        misses: 20,
        cpu_seconds: 2.5,
        net_in: 10_240,
      },
    });
    expect(deriveValues(current, previous, GAP)).toEqual({
      memory_used_bytes: 1000,
      ops_per_sec: 50,
      hits_per_sec: 3,
      misses_per_sec: 1,
      hit_ratio: 0.75,
      cpu_percent: 5,
      net_in_bytes_per_sec: 1024,
    });
  });

  it('gives no rates after a restart, even when the new counters are higher', () => {
    const previous = reading({ counters: { commands: 100 } });
    const restarted = reading({
      collectedAt: previous.collectedAt + 10_000,
      runId: 'run-b',
      uptimeSeconds: 5,
      counters: { commands: 5000 },
    });
    expect(deriveValues(restarted, previous, GAP)).toEqual({
      memory_used_bytes: 1000,
    });
  });

  it('leaves out a counter that went down (CONFIG RESETSTAT) and keeps the others', () => {
    const previous = reading({ counters: { commands: 100, evicted: 50 } });
    const current = reading({
      collectedAt: previous.collectedAt + 10_000,
      uptimeSeconds: 110,
      counters: { commands: 200, evicted: 3 },
    });
    const values = deriveValues(current, previous, GAP);
    expect(values.ops_per_sec).toBe(10);
    expect(values).not.toHaveProperty('evictions_per_sec');
  });

  it('has no hit ratio while nothing was looked up', () => {
    const previous = reading({ counters: { hits: 5, misses: 5 } });
    const current = reading({
      collectedAt: previous.collectedAt + 10_000,
      uptimeSeconds: 110,
      counters: { hits: 5, misses: 5 },
    });
    const values = deriveValues(current, previous, GAP);
    expect(values.hits_per_sec).toBe(0);
    expect(values).not.toHaveProperty('hit_ratio');
  });

  it('gives no rates across a gap longer than allowed', () => {
    const previous = reading({ counters: { commands: 100 } });
    const current = reading({
      collectedAt: previous.collectedAt + GAP + 1,
      uptimeSeconds: 400,
      counters: { commands: 200 },
    });
    expect(deriveValues(current, previous, GAP)).not.toHaveProperty(
      'ops_per_sec',
    );
  });

  it('never yields a negative or non-finite value, whatever the two readings', () => {
    const counters = fc.record(
      Object.fromEntries(
        COUNTERS.map(c => [
          c,
          fc.option(fc.double({ min: 0, max: 1e15, noNaN: true }), {
            nil: undefined,
          }),
        ]),
      ),
    );
    const state = fc.record({
      collectedAt: fc.integer({ min: 0, max: 10_000_000 }),
      runId: fc.constantFrom('a', 'b', undefined),
      uptimeSeconds: fc.option(fc.integer({ min: 0, max: 1e6 }), {
        nil: undefined,
      }),
      counters,
    });
    fc.assert(
      fc.property(state, state, (before, after) => {
        const values = deriveValues(
          { ...after, counters: clean(after.counters), gauges: {}, info: {} },
          { ...before, counters: clean(before.counters) },
          GAP,
        );
        for (const value of Object.values(values)) {
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(values.hit_ratio ?? 0).toBeLessThanOrEqual(1);
      }),
    );
  });
});

function clean(counters: Record<string, number | undefined>) {
  return Object.fromEntries(
    Object.entries(counters).filter(([, v]) => v !== undefined),
  ) as Reading['counters'];
}
