import Redis from 'ioredis';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  Instance,
  LatencyReport,
  SlowLog,
  SlowLogEntry,
} from '@justmanage/plugin-dbaas-common';
import { CredentialStore } from '../database/CredentialStore';
import { RedisAdmin } from '../redis/RedisAdmin';
import { targetOf } from '../redis/redisTarget';
import { redactSlowCommand } from './redactSlowCommand';
import {
  RawSlowLogEntry,
  configMap,
  parseLatencyLatestReply,
  parseSlowLogReply,
} from './slowLogReply';

/**
 * The control plane names its connections `justmanage-...`; with the slow
 * log threshold at 0 its own INFO and CONFIG GET would crowd out the
 * application's commands, so they are left out.
 */
const OWN_CLIENT_PREFIX = 'justmanage-';
const CLIENT_NAME = `${OWN_CLIENT_PREFIX}diagnostics`;
/** Entries asked beyond `count`, to make up for the control plane's own. */
const SPARE_ENTRIES = 32;

/**
 * The slow log and the latency monitor of an instance's primary, asked
 * when a user looks, over the driver's connector as the admin user.
 */
export class DiagnosticsReader {
  readonly #admin: RedisAdmin;
  readonly #credentials: CredentialStore;

  constructor(admin: RedisAdmin, credentials: CredentialStore) {
    this.#admin = admin;
    this.#credentials = credentials;
  }

  async slowLog(instance: Instance, count: number): Promise<SlowLog> {
    return this.#onPrimary(instance, 'SLOWLOG GET', async redis => {
      const settings = configMap(
        await redis.call('CONFIG', 'GET', 'slowlog-*'),
      );
      const raw = parseSlowLogReply(
        await redis.call('SLOWLOG', 'GET', String(count + SPARE_ENTRIES)),
      )
        .filter(e => !e.clientName?.startsWith(OWN_CLIENT_PREFIX))
        .slice(0, count);
      const keys = await firstKeys(redis, raw);
      return {
        instanceId: instance.id,
        readAt: new Date().toISOString(),
        slowerThanMicros: Number(settings['slowlog-log-slower-than'] ?? 0),
        maxLength: Number(settings['slowlog-max-len'] ?? 0),
        entries: raw.map((entry, i) => entryOf(entry, keys[i])),
      };
    });
  }

  async latency(instance: Instance): Promise<LatencyReport> {
    return this.#onPrimary(instance, 'LATENCY LATEST', async redis => {
      const settings = configMap(
        await redis.call('CONFIG', 'GET', 'latency-monitor-threshold'),
      );
      return {
        instanceId: instance.id,
        readAt: new Date().toISOString(),
        thresholdMs: Number(settings['latency-monitor-threshold'] ?? 0),
        events: parseLatencyLatestReply(await redis.call('LATENCY', 'LATEST')),
      };
    });
  }

  async #onPrimary<T>(
    instance: Instance,
    what: string,
    fn: (redis: Redis) => Promise<T>,
  ): Promise<T> {
    const primary = instance.endpoints.find(e => e.role === 'primary');
    const login = await this.#credentials.get(instance.id, 'admin');
    if (!primary || !login) {
      throw new ServiceUnavailableError(
        `Instance ${instance.name} has no endpoint yet (status ${instance.status})`,
      );
    }
    try {
      return await this.#admin.withConnection(
        targetOf(instance, primary),
        login,
        async redis => {
          await redis.call('CLIENT', 'SETNAME', CLIENT_NAME);
          return fn(redis);
        },
      );
    } catch (error) {
      throw new ServiceUnavailableError(
        `Instance ${instance.name} did not answer ${what}: ${
          (error as Error).message
        }`,
      );
    }
  }
}

/**
 * The first key of each entry as the server finds it (COMMAND GETKEYS),
 * in one round trip. Commands without keys, and entries the slow log cut
 * short so that the server cannot parse them, have none.
 */
async function firstKeys(
  redis: Redis,
  entries: RawSlowLogEntry[],
): Promise<Array<string | undefined>> {
  if (entries.length === 0) return [];
  const pipeline = redis.pipeline(
    entries.map(e => ['command', 'getkeys', ...e.argv]),
  );
  const results = (await pipeline.exec()) ?? [];
  return results.map(([error, keys]) =>
    !error && Array.isArray(keys) && keys.length > 0
      ? String(keys[0])
      : undefined,
  );
}

function entryOf(entry: RawSlowLogEntry, key?: string): SlowLogEntry {
  return {
    id: entry.id,
    startedAt: entry.startedAt,
    durationMicros: entry.durationMicros,
    ...redactSlowCommand(entry.argv, key),
    ...(entry.client ? { client: entry.client } : {}),
    ...(entry.clientName ? { clientName: entry.clientName } : {}),
  };
}
