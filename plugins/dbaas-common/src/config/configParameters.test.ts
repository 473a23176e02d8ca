import { CONFIG_PARAMETERS, TUNABLE_CONFIG } from './configParameters';
import { previewConfigChange } from './previewConfigChange';

describe('the configuration table', () => {
  it('has a one-line summary, a default within the rule and a way to apply for each setting', () => {
    for (const p of CONFIG_PARAMETERS) {
      expect([p.name, p.rule.test(p.default)]).toEqual([p.name, true]);
      expect(p.summary).not.toMatch(/\n/);
      expect(['live', 'restart']).toContain(p.applies);
    }
  });

  it('allows in config every tunable but maxmemory-policy, its own field', () => {
    expect(Object.keys(TUNABLE_CONFIG)).toContain('latency-monitor-threshold');
    expect(Object.keys(TUNABLE_CONFIG)).not.toContain('maxmemory-policy');
  });
});

describe('previewConfigChange', () => {
  const current = {
    maxmemoryPolicy: 'noeviction' as const,
    config: { timeout: '60', 'notify-keyspace-events': 'Ex' },
  };

  it('lists changed settings only, from the default when unset', () => {
    expect(
      previewConfigChange(current, {
        maxmemoryPolicy: 'noeviction',
        config: { timeout: '60', 'notify-keyspace-events': 'Ex', hz: '20' },
      }).map(c => [c.parameter, c.from, c.to, c.applies]),
    ).toEqual([['hz', '10', '20', 'live']]);
  });

  it('leaves config alone when the request has none', () => {
    expect(
      previewConfigChange(current, { maxmemoryPolicy: 'allkeys-lru' }).map(
        c => c.parameter,
      ),
    ).toEqual(['maxmemory-policy']);
  });

  it('says a setting left out returns to its default at the next restart', () => {
    const [change] = previewConfigChange(current, {
      config: { timeout: '60' },
    });
    expect(change).toMatchObject({
      parameter: 'notify-keyspace-events',
      from: 'Ex',
      to: '',
      applies: 'restart',
    });
  });
});
