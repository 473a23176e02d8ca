import { aclAccessProblem, aclRulesOf } from './access';
import { aclRulesForEngine } from './engineCompat';
import { parseAclRules } from './parseAclRules';
import { aclUsernameProblem } from './usernames';
import {
  createAclUserRequestSchema,
  setAclUserRotationRequestSchema,
} from './requests';
import { validate } from '../validation';

describe('parseAclRules', () => {
  it.each([
    '~app:* +@read',
    '%R~reports:* %W~cache:* +@read +set',
    'allkeys allcommands -@dangerous',
    '~* &events:* +subscribe +publish',
    'resetkeys ~a:* resetchannels nocommands +get +client|setname',
    '~x +@all -flushall',
  ])('accepts %p', rules => {
    expect(parseAclRules(rules)).toMatchObject({ ok: true });
  });

  it.each([
    ['', 'give at least one rule, e.g. ~app:* +@read'],
    ['+@read', 'give the keys the user may use, e.g. ~app:* or allkeys'],
    ['~a:*', 'give the commands the user may run, e.g. +@read or +get'],
    ['~a:* -@all', 'give the commands the user may run, e.g. +@read or +get'],
    ['~a:* +get on', "'on' is not allowed: the product turns users on and off"],
    ['~a:* +get off', "'off' is not allowed"],
    [
      '~a:* +get >secret',
      "'>secret' is not allowed: passwords are the product’s",
    ],
    ['~a:* +get <secret', "'<secret' is not allowed: passwords"],
    ['~a:* +get #abc', "'#abc' is not allowed: passwords"],
    ['~a:* +get nopass', "'nopass' is not allowed: passwords"],
    ['~a:* +get resetpass', "'resetpass' is not allowed: passwords"],
    [
      '~a:* +get reset',
      "'reset' is not allowed: it would remove the user’s passwords",
    ],
    ['~a:* (+get ~b:*)', "'(+get' is not allowed: selectors are not supported"],
    [
      '~a:* +@admin',
      "'+@admin' is not allowed: administrative commands belong to the control plane",
    ],
    ['~ +get', "'~' needs a pattern after it, e.g. ~app:*"],
    ['& +get ~a', "'&' needs a pattern after it"],
    ['%X~a +get', "'%X~a' is not a key rule"],
    ['~a:* get', "'get' is not a rule: use ~pattern"],
    ['~a:* +@Read', "'+@Read' is not a rule"],
  ])('refuses %p naming the rule', (rules, problem) => {
    const parsed = parseAclRules(rules);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });
});

describe('aclRulesOf', () => {
  it('gives presets their keys, every channel, their commands and -@admin', () => {
    expect(aclRulesOf({ preset: 'read-only' })).toBe(
      '~* &* -@all +@read +@connection -@dangerous -@admin',
    );
    expect(aclRulesOf({ preset: 'read-write', keys: ['a:*', 'b:*'] })).toBe(
      '~a:* ~b:* &* -@all +@read +@write +@transaction +@pubsub +@scripting +@connection -@admin',
    );
    expect(aclRulesOf({ preset: 'full' })).toBe('~* &* +@all -@admin');
  });

  it('ends custom rules with -@admin too', () => {
    expect(aclRulesOf({ preset: 'custom', rules: ' ~a:*   +get ' })).toBe(
      '~a:* +get -@admin',
    );
  });
});

describe('aclAccessProblem', () => {
  it('names the field and the rule', () => {
    expect(aclAccessProblem({ preset: 'custom', keys: ['a'] })).toBe(
      'keys: a custom user names its keys in its rules (~pattern)',
    );
    expect(aclAccessProblem({ preset: 'read-only', rules: '~a +get' })).toBe(
      'rules: only a custom user has rules; read-only has its own',
    );
    expect(aclAccessProblem({ preset: 'read-only', keys: ['a b'] })).toBe(
      "keys: 'a b' must be a pattern without spaces, e.g. app:*",
    );
    expect(aclAccessProblem({ preset: 'custom', rules: '+get' })).toBe(
      'rules: give the keys the user may use, e.g. ~app:* or allkeys',
    );
    expect(
      aclAccessProblem({ preset: 'read-only', keys: ['a:*'] }),
    ).toBeUndefined();
  });
});

describe('aclUsernameProblem', () => {
  it.each(['reporting', 'etl_job-2', 'a'])('accepts %p', name => {
    expect(aclUsernameProblem(name)).toBeUndefined();
  });
  it.each([
    ['', 'must be 1 to 32 characters'],
    ['Reporting', 'must be 1 to 32 characters'],
    ['2fast', 'must be 1 to 32 characters'],
    ['a'.repeat(33), 'must be 1 to 32 characters'],
    ['app', "'app' is reserved"],
    ['default', "'default' is reserved"],
    ['jm-admin', "'jm-admin' is reserved"],
  ])('refuses %p', (name, problem) => {
    expect(aclUsernameProblem(name)).toContain(problem);
  });
});

describe('createAclUserRequestSchema', () => {
  it('words every problem as field: rule', () => {
    expect(
      validate(createAclUserRequestSchema, {
        username: 'Bad',
        preset: 'root',
      }),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(
        /username: must be 1 to 32 characters.*; preset: must be one of read-only, read-write-safe, read-write, full, custom/,
      ),
    });
    expect(
      validate(createAclUserRequestSchema, {
        username: 'etl',
        preset: 'custom',
        rules: '~a:* +@admin',
      }),
    ).toEqual({
      ok: false,
      message:
        "rules: '+@admin' is not allowed: administrative commands belong to the control plane",
    });
  });
});

describe('setAclUserRotationRequestSchema', () => {
  it('takes a period with the on-demand grace as default, or null to turn it off', () => {
    expect(
      validate(setAclUserRotationRequestSchema, { everyDays: 30 }),
    ).toEqual({ ok: true, value: { everyDays: 30, graceSeconds: 3600 } });
    expect(
      validate(setAclUserRotationRequestSchema, { everyDays: null }),
    ).toMatchObject({ ok: true, value: { everyDays: null } });
  });

  it.each([
    [{}, 'everyDays: is required: a whole number of days, or null'],
    [{ everyDays: 0 }, 'everyDays: must be at least 1'],
    [{ everyDays: 366 }, 'everyDays: must be at most 365'],
    [{ everyDays: 1.5 }, 'everyDays: must be a whole number of days'],
    [{ everyDays: 7, graceSeconds: -1 }, 'graceSeconds: must be at least 0'],
    [
      { everyDays: 30, graceSeconds: 604801 },
      'graceSeconds: must be at most 604800 (7 days)',
    ],
    [
      { everyDays: 1, graceSeconds: 86400 },
      'graceSeconds: must be shorter than everyDays (86400 seconds)',
    ],
    [{ everyDays: 7, hours: 1 }, 'hours: is not a known field'],
  ])('refuses %p naming the field', (body, message) => {
    expect(validate(setAclUserRotationRequestSchema, body)).toEqual({
      ok: false,
      message,
    });
  });
});

describe('aclRulesForEngine', () => {
  it('drops channel rules for Redis 6.0 only', () => {
    const rules = 'resetkeys resetchannels ~* &* +@all -@admin';
    expect(aclRulesForEngine('redis', '6.0.16+deb11u2', rules)).toBe(
      'resetkeys ~* +@all -@admin',
    );
    expect(aclRulesForEngine('redis', '6.2.14', rules)).toBe(rules);
    expect(aclRulesForEngine('valkey', '8.0.1+bpo12.1', rules)).toBe(rules);
  });
});
