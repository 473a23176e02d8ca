import {
  INSTANCE_NAME_RULE,
  createInstanceRequestSchema,
  instanceNameProblem,
  resourceLimitProblem,
  normalizeEntityRef,
  updateInstanceRequestSchema,
  validate,
} from './validation';

const valid = {
  name: 'orders-cache',
  owner: 'group:team-a',
  engine: 'redis',
  version: '7.0.15',
  platform: 'local',
  region: 'local',
  resources: { memoryMb: 256, cpu: 1, diskGb: 2 },
};

describe('createInstanceRequestSchema', () => {
  it('accepts a minimal request and fills the defaults', () => {
    const result = validate(createInstanceRequestSchema, valid);
    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        persistence: 'rdb',
        maxmemoryPolicy: 'noeviction',
        replicas: 0,
        tls: 'disabled',
      },
    });
  });

  it('takes tls disabled or required, and names the field otherwise', () => {
    expect(
      validate(createInstanceRequestSchema, { ...valid, tls: 'required' }),
    ).toMatchObject({ ok: true, value: { tls: 'required' } });
    expect(
      validate(createInstanceRequestSchema, { ...valid, tls: 'yes' }),
    ).toEqual({
      ok: false,
      message: "tls: must be 'disabled' or 'required'",
    });
  });

  it('words each problem as field: rule, all at once', () => {
    const result = validate(createInstanceRequestSchema, {
      ...valid,
      name: 'Bad_Name',
      resources: { memoryMb: 1, cpu: 1, diskGb: 2 },
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).toContain(
      'name: must be 1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit; "B" is an upper-case letter',
    );
    expect(message).toContain('resources.memoryMb: must be at least 16 MiB');
    expect(message).toContain('colour: is not a known field');
  });

  it('accepts a name of exactly 40 characters and refuses 41', () => {
    expect(
      validate(createInstanceRequestSchema, { ...valid, name: 'a'.repeat(40) })
        .ok,
    ).toBe(true);
    expect(
      validate(createInstanceRequestSchema, { ...valid, name: 'a'.repeat(41) }),
    ).toEqual({
      ok: false,
      message: `name: must be ${INSTANCE_NAME_RULE}; it has 41 characters`,
    });
  });

  it.each([
    ['9lives', 'it starts with "9"'],
    ['-cache', 'it starts with "-"'],
    ['cache-', 'it ends with a hyphen'],
    ['my_cache', '"_" is not allowed'],
    ['my.cache', '"." is not allowed'],
    ['MyCache', '"M" is an upper-case letter'],
    ['', 'it is empty'],
  ])('refuses the name %j saying the rule and what breaks it', (name, why) => {
    expect(instanceNameProblem(name)).toBe(
      `must be ${INSTANCE_NAME_RULE}; ${why}`,
    );
    expect(validate(createInstanceRequestSchema, { ...valid, name })).toEqual({
      ok: false,
      message: `name: must be ${INSTANCE_NAME_RULE}; ${why}`,
    });
  });

  it.each(['a', 'cache', 'orders-cache-2', 'a1-b2'])(
    'accepts the name %j',
    name => {
      expect(instanceNameProblem(name)).toBeUndefined();
    },
  );

  it('words the rule without a regular expression', () => {
    expect(INSTANCE_NAME_RULE).toBe(
      '1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit',
    );
  });

  it('takes 0 to 5 replicas as a whole number and names the rule otherwise', () => {
    for (const replicas of [0, 2, 5]) {
      expect(
        validate(createInstanceRequestSchema, { ...valid, replicas }),
      ).toMatchObject({ ok: true, value: { replicas } });
    }
    const problems: Array<[unknown, string]> = [
      [6, 'replicas: must be at most 5'],
      [-1, 'replicas: must be at least 0'],
      [1.5, 'replicas: must be a whole number'],
      ['2', 'replicas: must be a whole number'],
    ];
    for (const [replicas, message] of problems) {
      expect(
        validate(createInstanceRequestSchema, { ...valid, replicas }),
      ).toEqual({ ok: false, message });
    }
  });

  it('allows only tunable settings in config', () => {
    expect(
      validate(createInstanceRequestSchema, {
        ...valid,
        config: { timeout: '300' },
      }).ok,
    ).toBe(true);
    const refused = validate(createInstanceRequestSchema, {
      ...valid,
      config: { requirepass: 'x' },
    });
    expect(refused.ok).toBe(false);
    expect((refused as { message: string }).message).toMatch(
      /^config\.requirepass: is not a tunable setting/,
    );
  });
});

describe('updateInstanceRequestSchema', () => {
  it('needs at least one change', () => {
    expect(validate(updateInstanceRequestSchema, {}).ok).toBe(false);
    expect(
      validate(updateInstanceRequestSchema, { resources: { memoryMb: 512 } }),
    ).toEqual({
      ok: true,
      value: { resources: { memoryMb: 512 } },
    });
  });
});

describe('normalizeEntityRef', () => {
  it.each([
    ['group:team-a', 'group:default/team-a'],
    ['Group:Default/Team-A', 'group:default/team-a'],
    ['team-a', 'group:default/team-a'],
    ['user:ops/jane', 'user:ops/jane'],
  ])('%s becomes %s', (ref, expected) => {
    expect(normalizeEntityRef(ref, 'group')).toBe(expected);
  });
});

describe('resourceLimitProblem', () => {
  const limit = { min: 16, max: 1024 };
  it('words a value outside the limit with its unit, and passes the limit itself', () => {
    expect(resourceLimitProblem('memoryMb', 999999, limit)).toBe(
      'must be between 16 and 1024 MiB',
    );
    expect(resourceLimitProblem('cpu', 0.05, { min: 0.1, max: 2 })).toBe(
      'must be between 0.1 and 2 cores',
    );
    expect(resourceLimitProblem('diskGb', 0, { min: 1, max: 10 })).toBe(
      'must be between 1 and 10 GiB',
    );
    expect(resourceLimitProblem('memoryMb', 16, limit)).toBeUndefined();
    expect(resourceLimitProblem('memoryMb', 1024, limit)).toBeUndefined();
  });
});
