import {
  DEFAULT_ALERT_RULES,
  Instance,
  mergeAlertRules,
} from '@justmanage/plugin-dbaas-common';
import { AlertInputs, evaluateRules } from './evaluateRules';

const MIB = 1024 * 1024;

function instance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'i1',
    name: 'cache',
    owner: 'group:default/team-a',
    description: '',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 100, cpu: 0.5, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'allkeys-lru',
    config: {},
    replicas: 0,
    status: 'running',
    endpoints: [],
    createdBy: 'user:default/alice',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const up = (more: Partial<AlertInputs> = {}): AlertInputs => ({
  instance: instance(),
  up: true,
  consecutiveFailures: 0,
  ...more,
});

const metrics = (values: Record<string, number>) => ({
  instanceId: 'i1',
  collectedAt: new Date().toISOString(),
  values,
});

describe('evaluateRules', () => {
  const rules = DEFAULT_ALERT_RULES;

  it('fires memory at 80 % of maxmemory, from the health check alone', () => {
    expect(
      evaluateRules(rules, up({ usedMemoryBytes: 79.9 * MIB })).memory,
    ).toMatchObject({
      firing: false,
      value: 79.9,
    });
    expect(
      evaluateRules(rules, up({ usedMemoryBytes: 80 * MIB })).memory,
    ).toMatchObject({
      firing: true,
      value: 80,
      threshold: 80,
      message: 'memory at 80 % of maxmemory (threshold 80 %)',
    });
  });

  it("prefers the collector's maxmemory and used memory when it has them", () => {
    const verdict = evaluateRules(
      rules,
      up({
        usedMemoryBytes: 10 * MIB,
        metrics: metrics({
          memory_used_bytes: 45 * MIB,
          memory_max_bytes: 50 * MIB,
        }),
      }),
    ).memory;
    expect(verdict).toMatchObject({ firing: true, value: 90 });
  });

  it("judges CPU against the instance's cores, at most one", () => {
    // 40 % of a core on a half-core instance is 80 % of its allowance
    expect(
      evaluateRules(rules, up({ metrics: metrics({ cpu_percent: 40 }) })).cpu,
    ).toMatchObject({ firing: true, value: 80 });
    const big = up({
      instance: instance({ resources: { memoryMb: 100, cpu: 4, diskGb: 1 } }),
      metrics: metrics({ cpu_percent: 79 }),
    });
    expect(evaluateRules(rules, big).cpu).toMatchObject({
      firing: false,
      value: 79,
    });
  });

  it('fires evictions when keys are evicted at all, or above a set rate', () => {
    expect(
      evaluateRules(rules, up({ metrics: metrics({ evictions_per_sec: 0 }) }))
        .evictions,
    ).toMatchObject({ firing: false });
    expect(
      evaluateRules(rules, up({ metrics: metrics({ evictions_per_sec: 0.2 }) }))
        .evictions,
    ).toMatchObject({ firing: true, value: 0.2 });
    const tolerant = mergeAlertRules(rules, {
      evictions: { thresholdPerSecond: 5 },
    });
    expect(
      evaluateRules(
        tolerant,
        up({ metrics: metrics({ evictions_per_sec: 3 }) }),
      ).evictions,
    ).toMatchObject({ firing: false });
  });

  it('fires down at the second failed check in a row', () => {
    const down = (n: number) =>
      evaluateRules(rules, {
        instance: instance(),
        up: false,
        consecutiveFailures: n,
        error: 'refused',
      }).down;
    expect(down(1)).toMatchObject({ firing: false });
    expect(down(2)).toMatchObject({
      firing: true,
      message: 'down for 2 health checks in a row: refused',
    });
  });

  it('has no verdict on metrics while the instance is down or without data', () => {
    const verdicts = evaluateRules(rules, {
      instance: instance({ replicas: 2 }),
      up: false,
      consecutiveFailures: 3,
      metrics: metrics({ cpu_percent: 99, evictions_per_sec: 10 }),
    });
    expect(Object.keys(verdicts)).toEqual(['down']);
    expect(Object.keys(evaluateRules(rules, up()))).toEqual([
      'down',
      'replication',
    ]);
  });

  it('fires replication when the primary reports fewer replicas online', () => {
    const replicated = instance({ replicas: 2 });
    expect(
      evaluateRules(
        rules,
        up({ instance: replicated, replication: { expected: 2, online: 1 } }),
      ).replication,
    ).toMatchObject({
      firing: true,
      message: '1 of 2 replicas linked to the primary',
    });
    expect(
      evaluateRules(
        rules,
        up({ instance: replicated, replication: { expected: 2, online: 2 } }),
      ).replication,
    ).toMatchObject({ firing: false });
    expect(evaluateRules(rules, up()).replication).toMatchObject({
      firing: false,
    });
  });

  it('clears every alert of a rule that is turned off', () => {
    const off = mergeAlertRules(rules, {
      memory: { enabled: false },
      down: { enabled: false },
    });
    const verdicts = evaluateRules(off, {
      instance: instance(),
      up: false,
      consecutiveFailures: 9,
    });
    expect(verdicts.down).toMatchObject({ firing: false });
    expect(verdicts.memory).toMatchObject({ firing: false });
  });
});
