import {
  DEFAULT_ALERT_RULES,
  mergeAlertRules,
  validateAlertRulesPatch,
} from './alerts';

describe('alert rules', () => {
  it('accepts changes within the limits', () => {
    expect(
      validateAlertRulesPatch({
        memory: { thresholdPercent: 90 },
        cpu: { enabled: false },
        evictions: { thresholdPerSecond: 0 },
        down: { consecutiveChecks: 3 },
        replication: { enabled: true },
      }),
    ).toEqual([]);
  });

  it.each([
    [
      { memory: { thresholdPercent: 150 } },
      'memory.thresholdPercent',
      'must be between 1 and 100',
    ],
    [
      { memory: { thresholdPercent: 0 } },
      'memory.thresholdPercent',
      'must be between 1 and 100',
    ],
    [
      { cpu: { thresholdPercent: '80' } },
      'cpu.thresholdPercent',
      'must be a number',
    ],
    [
      { evictions: { thresholdPerSecond: -1 } },
      'evictions.thresholdPerSecond',
      'must be between 0 and 1000000',
    ],
    [
      { down: { consecutiveChecks: 1.5 } },
      'down.consecutiveChecks',
      'must be a whole number',
    ],
    [{ down: { enabled: 'yes' } }, 'down.enabled', 'must be true or false'],
    [
      { memory: { threshold: 80 } },
      'memory.threshold',
      'is not a setting of the memory rule',
    ],
    [{ disk: { enabled: true } }, 'disk', 'is not an alert rule'],
    [{ memory: 80 }, 'memory', 'must be an object'],
    [[], 'body', 'must be an object of rules'],
  ])('rejects %j naming %s', (patch, field, message) => {
    const [problem] = validateAlertRulesPatch(patch);
    expect(problem.field).toBe(field);
    expect(problem.message).toContain(message);
  });

  it('keeps the defaults for whatever an instance does not change', () => {
    const rules = mergeAlertRules(DEFAULT_ALERT_RULES, {
      memory: { thresholdPercent: 95 },
    });
    expect(rules.memory).toEqual({ enabled: true, thresholdPercent: 95 });
    expect(rules.cpu).toEqual(DEFAULT_ALERT_RULES.cpu);
    expect(rules.down).toEqual({ enabled: true, consecutiveChecks: 2 });
  });
});
