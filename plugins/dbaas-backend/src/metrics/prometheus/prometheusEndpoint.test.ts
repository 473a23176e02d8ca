import { mockCredentials } from '@backstage/backend-test-utils';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import {
  ALICE,
  startDbaasTestBackend,
} from '../../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from '../startMetrics';
import {
  REDIS_EXPORTER_COUNTERS,
  REDIS_EXPORTER_GAUGES,
} from './redisExporterNames';

jest.setTimeout(120_000);

const TOKEN = 'prometheus-scrape-token-0123456789';

describe('GET /api/dbaas/metrics', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let scrape: Awaited<ReturnType<typeof backend.api.get>>;
  let exposition: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18720, end: 18729 },
      dbaas: { metrics: { prometheus: { token: TOKEN } } },
    });
    const id = await backend.createInstance({
      name: 'exported',
      region: 'local',
    });
    const client = await backend.appClient(id);
    try {
      // 3 keys in db0 (one expiring), 2 in db3, one hit, one miss
      await client.set('a', '1');
      await client.set('b', '2');
      await client.set('c', '3', 'EX', 600);
      await client.get('a');
      await client.get('nope');
      await client.select(3);
      await client.set('x', '1');
      await client.set('y', '1');
    } finally {
      client.disconnect();
    }
    await backend.triggerTask(METRICS_COLLECT_TASK);
    scrape = await backend.api
      .get('/api/dbaas/metrics')
      .set({ Authorization: `Bearer ${TOKEN}` });
    exposition = scrape.text;
  });
  afterAll(() => backend.stop());

  function family(name: string) {
    const found = parsePrometheusTextFormat(exposition).find(
      f => f.name === name,
    );
    if (!found) throw new Error(`no family ${name} in:\n${exposition}`);
    return found;
  }

  it('parses as the Prometheus text format, with redis_exporter names and types', () => {
    expect(scrape.status).toBe(200);
    const [mediaType, ...params] = scrape.headers['content-type'].split('; ');
    expect(mediaType).toBe('text/plain');
    expect(params).toContain('version=0.0.4');

    const families = parsePrometheusTextFormat(exposition);
    expect(families.length).toBeGreaterThan(30);
    const notAsTheExporter = families
      .filter(f =>
        f.type === 'COUNTER'
          ? !REDIS_EXPORTER_COUNTERS.includes(f.name)
          : f.type !== 'GAUGE' || !REDIS_EXPORTER_GAUGES.includes(f.name),
      )
      .map(f => `${f.name} (${f.type})`);
    expect(notAsTheExporter).toEqual([]);
    const names = families.map(f => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'redis_up',
        'redis_memory_used_bytes',
        'redis_memory_max_bytes',
        'redis_connected_clients',
        'redis_commands_processed_total',
        'redis_keyspace_hits_total',
        'redis_keyspace_misses_total',
        'redis_evicted_keys_total',
        'redis_expired_keys_total',
        'redis_db_keys',
        'redis_db_keys_expiring',
        'redis_net_input_bytes_total',
        'redis_net_output_bytes_total',
        'redis_uptime_in_seconds',
        'redis_cpu_sys_seconds_total',
        'redis_cpu_user_seconds_total',
        'redis_instance_info',
        'redis_commands_total',
      ]),
    );
  });

  it('labels every sample with instance, owner, platform and region, and keys by db', () => {
    const base = {
      instance: 'exported',
      owner: 'group:default/team-a',
      platform: 'local',
      region: 'local',
    };
    expect(family('redis_up').metrics).toEqual([{ value: '1', labels: base }]);
    expect(family('redis_memory_max_bytes').metrics).toEqual([
      { value: String(64 * 1024 * 1024), labels: base },
    ]);
    expect(family('redis_db_keys').metrics).toEqual([
      { value: '3', labels: { ...base, db: 'db0' } },
      { value: '2', labels: { ...base, db: 'db3' } },
    ]);
    expect(family('redis_db_keys_expiring').metrics).toContainEqual({
      value: '1',
      labels: { ...base, db: 'db0' },
    });
    expect(family('redis_keyspace_hits_total').metrics).toEqual([
      { value: '1', labels: base },
    ]);
    expect(family('redis_keyspace_misses_total').metrics).toEqual([
      { value: '1', labels: base },
    ]);
    expect(family('redis_instance_info').metrics[0].labels).toMatchObject({
      ...base,
      role: 'master',
      redis_version: '7.0.15',
      maxmemory_policy: 'allkeys-lru',
    });
    expect(family('redis_commands_total').metrics).toContainEqual({
      value: '5',
      labels: { ...base, cmd: 'set' },
    });
  });

  it('lets in the static token and Backstage services, nobody else', async () => {
    const status = async (headers: Record<string, string>) =>
      (await backend.api.get('/api/dbaas/metrics').set(headers)).status;
    expect(await status({})).toBe(401);
    expect(await status({ Authorization: 'Bearer not-the-token' })).toBe(401);
    expect(await status({ Authorization: `Bearer ${TOKEN}x` })).toBe(401);
    expect(await status(backend.as(ALICE))).toBe(403);
    expect(
      await status({ Authorization: mockCredentials.service.header() }),
    ).toBe(200);
  });
});
