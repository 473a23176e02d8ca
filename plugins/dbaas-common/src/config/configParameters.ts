import { MAXMEMORY_POLICIES } from '../types';

/**
 * How a changed setting reaches a running server: `live` is a CONFIG SET
 * (no restart, clients stay connected); `restart` waits for the server's
 * next start.
 * @public
 */
export type ConfigApplies = 'live' | 'restart';

/** A Redis setting users may change, with what a form tells them about it. @public */
export interface ConfigParameter {
  /** The name in redis.conf and CONFIG SET. */
  name: string;
  /** One line on what it does. */
  summary: string;
  /** The engine's value when the instance does not set it. */
  default: string;
  rule: RegExp;
  /** The rule in words, as errors and forms say it. */
  ruleText: string;
  applies: ConfigApplies;
  /** The values to choose from, for settings that are a list. */
  choices?: readonly string[];
}

/** The self-documented redis.conf on redis.io, every setting explained. @public */
export const REDIS_CONF_DOCS_URL =
  'https://redis.io/docs/latest/operate/oss_and_stack/management/config-file/';

/**
 * `maxmemory-policy`: a field of the instance of its own (`maxmemoryPolicy`)
 * rather than an entry of `config`, since every instance has one.
 * @public
 */
export const MAXMEMORY_POLICY_PARAMETER: ConfigParameter = {
  name: 'maxmemory-policy',
  summary:
    'Which keys are evicted when memory is full; noeviction refuses writes instead.',
  default: 'noeviction',
  rule: new RegExp(`^(${MAXMEMORY_POLICIES.join('|')})$`),
  ruleText: `one of ${MAXMEMORY_POLICIES.join(', ')}`,
  applies: 'live',
  choices: MAXMEMORY_POLICIES,
};

/**
 * The entries of an instance's `config` users may set. Everything else
 * (ports, ACL, dir, bind) belongs to the platform, and letting users set it
 * would break isolation. Every one of these is mutable with CONFIG SET on
 * the engines offered (Redis 6.0 and later, Valkey), which is how drivers
 * apply them; a setting that is not would say `restart` here.
 * @public
 */
export const TUNABLE_PARAMETERS: readonly ConfigParameter[] = [
  {
    name: 'timeout',
    summary: 'Seconds after which an idle client is disconnected; 0 never.',
    default: '0',
    rule: /^\d{1,6}$/,
    ruleText: 'a whole number of seconds from 0 to 999999',
    applies: 'live',
  },
  {
    name: 'notify-keyspace-events',
    summary:
      'Which keyspace events are published on Pub/Sub (e.g. Ex: expired keys); empty: none.',
    default: '',
    rule: /^[KEg$lshzxentmdA]*$/,
    ruleText: 'letters from KEg$lshzxentmdA, or empty',
    applies: 'live',
  },
  {
    name: 'slowlog-log-slower-than',
    summary:
      'Commands slower than this many microseconds enter the slow log; 0: every command, -1: none.',
    default: '10000',
    rule: /^-?\d{1,9}$/,
    ruleText: 'a whole number of microseconds, -1 or more',
    applies: 'live',
  },
  {
    name: 'slowlog-max-len',
    summary: 'How many of the newest slow commands the slow log keeps.',
    default: '128',
    rule: /^\d{1,6}$/,
    ruleText: 'a whole number from 0 to 999999',
    applies: 'live',
  },
  {
    name: 'latency-monitor-threshold',
    summary:
      'Events slower than this many milliseconds are recorded by the latency monitor; 0: off.',
    default: '0',
    rule: /^\d{1,6}$/,
    ruleText: 'a whole number of milliseconds from 0 to 999999',
    applies: 'live',
  },
  {
    name: 'maxclients',
    summary: 'The most clients connected at once; more are refused.',
    default: '10000',
    rule: /^\d{1,6}$/,
    ruleText: 'a whole number up to 999999',
    applies: 'live',
  },
  {
    name: 'hz',
    summary:
      'How often per second background tasks run (expiring keys, closing idle clients).',
    default: '10',
    rule: /^([1-9]|[1-9]\d|[1-4]\d\d|500)$/,
    ruleText: 'a whole number from 1 to 500',
    applies: 'live',
  },
  {
    name: 'lfu-log-factor',
    summary:
      'How slowly the access counter of the LFU eviction policies grows.',
    default: '10',
    rule: /^\d{1,3}$/,
    ruleText: 'a whole number from 0 to 999',
    applies: 'live',
  },
  {
    name: 'lfu-decay-time',
    summary:
      'Minutes after which an unused key’s LFU access counter is halved.',
    default: '1',
    rule: /^\d{1,6}$/,
    ruleText: 'a whole number of minutes from 0 to 999999',
    applies: 'live',
  },
];

/** Every setting the configuration form shows, maxmemory-policy first. @public */
export const CONFIG_PARAMETERS: readonly ConfigParameter[] = [
  MAXMEMORY_POLICY_PARAMETER,
  ...TUNABLE_PARAMETERS,
];

/** The rule of each entry `config` may hold. @public */
export const TUNABLE_CONFIG: Record<string, RegExp> = Object.fromEntries(
  TUNABLE_PARAMETERS.map(p => [p.name, p.rule]),
);
