import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import {
  connectAs,
  countDamaged,
  seed,
  SEEDED_KEYS,
} from './__testUtils__/dataset';

jest.setTimeout(120_000);

/**
 * Upgrades and downgrades on the real engine builds scripts/install-engines.sh
 * installs beside the machine's redis-server, through the API as a user
 * would call it.
 */
describe('engine upgrades and downgrades', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let brokenEngines: string;
  const clients: Redis[] = [];
  /** Versions as the platform lists them, e.g. "6.0.16+deb11u2". */
  const versions: Record<string, string> = {};

  beforeAll(async () => {
    // A build that answers --version like 7.0.15 and cannot serve: the
    // target of the failed upgrade.
    brokenEngines = await mkdtemp(join(tmpdir(), 'jm-broken-engines-'));
    const broken = join(brokenEngines, 'redis-7.0.15+deb12u99');
    await mkdir(join(broken, 'bin'), { recursive: true });
    await mkdir(join(broken, 'var/lib/dpkg'), { recursive: true });
    await writeFile(
      join(broken, 'bin/redis-server'),
      [
        '#!/bin/sh',
        'if [ "$1" = "--version" ]; then exec /usr/bin/redis-server --version; fi',
        'echo "this build is broken" >&2',
        'exit 1',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    await writeFile(
      join(broken, 'var/lib/dpkg/status'),
      'Package: redis-server\nVersion: 5:7.0.15-1~deb12u99\n',
    );
    backend = await startDbaasTestBackend({
      portRange: { start: 18400, end: 18449 },
      local: { engineDirs: ['/opt/justmanage/engines', brokenEngines] },
    });
    const platforms = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    const local = platforms.body.items.find((p: any) => p.id === 'local');
    for (const { engine, versions: list } of local.engines) {
      for (const listed of list as string[]) {
        versions[
          `${engine} ${listed.split('+')[0]}${
            listed.includes('deb12u99') ? ' broken' : ''
          }`
        ] ??= listed;
      }
    }
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend?.stop();
    await rm(brokenEngines, { recursive: true, force: true });
  });

  function version(key: string): string {
    const found = versions[key];
    if (!found) {
      throw new Error(
        `The platform lists no ${key}; run scripts/install-engines.sh (listed: ${Object.values(
          versions,
        ).join(', ')})`,
      );
    }
    return found;
  }

  async function createSeeded(
    name: string,
    engine: string,
    engineVersion: string,
    persistence: string,
  ) {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name,
          engine,
          version: engineVersion,
          persistence,
          resources: { memoryMb: 256, cpu: 0.5, diskGb: 1 },
        }),
      );
    expect(created.status).toBe(202);
    const op = await backend.waitForOperation(created.body.operation.id);
    expect(op.status).toBe('succeeded');
    const id = created.body.instance.id as string;
    const redis = await connect(id);
    await seed(redis);
    return { id, redis };
  }

  async function connect(id: string): Promise<Redis> {
    const details = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    const redis = connectAs({ ...details.body, host: '127.0.0.1' });
    clients.push(redis);
    await redis.connect();
    return redis;
  }

  async function upgrade(id: string, body: Record<string, unknown>) {
    return backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send(body);
  }

  async function serverVersion(redis: Redis): Promise<string> {
    const info = await redis.info('server');
    return (
      /^valkey_version:(.*)$/m.exec(info)?.[1] ??
      /^redis_version:(.*)$/m.exec(info)![1]
    ).trim();
  }

  it('upgrades 6.0.16 to 7.0.15, refuses the way back in place, and goes back through the snapshot', async () => {
    const from = version('redis 6.0.16');
    const to = version('redis 7.0.15');
    const { id, redis: before } = await createSeeded(
      'up-from-six',
      'redis',
      from,
      'rdb',
    );
    expect(await serverVersion(before)).toBe('6.0.16');

    const preview = await upgrade(id, {
      engine: 'redis',
      version: to,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.candidate).toMatchObject({
      engine: 'redis',
      version: to,
      kind: 'major',
      rdbCompatible: true,
    });
    expect(preview.body.steps.map((s: any) => s.name)).toEqual([
      'preflight',
      'snapshot',
      'switch',
      'wait-ready',
      'verify',
      'finalize',
    ]);
    expect(preview.body.dataLossWarning).toBeUndefined();
    const ops = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items).toHaveLength(1);

    const started = await upgrade(id, { engine: 'redis', version: to });
    expect(started.status).toBe(202);
    expect(started.body.instance.status).toBe('updating');
    const op = await backend.waitForOperation(started.body.operation.id);
    expect(op.error).toBeUndefined();
    expect(op.status).toBe('succeeded');
    expect(op.log.map((l: any) => l.message).join('\n')).toMatch(
      new RegExp(
        `${SEEDED_KEYS + 5} keys and all \\d+ sampled values identical`,
      ),
    );

    const upgraded = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(upgraded.body).toMatchObject({ version: to, status: 'running' });
    const after = await connect(id);
    expect(await serverVersion(after)).toBe('7.0.15');
    expect(await countDamaged(after)).toBe(0);
    expect(await after.dbsize()).toBe(SEEDED_KEYS + 5);

    // Written on 7.0.15, after the snapshot the way back would restore.
    await after.set('written-after-upgrade', 'lost on the way back');

    const refused = await upgrade(id, { engine: 'redis', version: from });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /data is in RDB format version 10 .*reads RDB files up to version 9/,
    );
    expect(refused.body.error.message).toMatch(/restoreSnapshot: true/);

    const unconfirmed = await upgrade(id, {
      engine: 'redis',
      version: from,
      restoreSnapshot: true,
      confirm: 'wrong-name',
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toMatch(
      /^confirm: must be the instance name 'up-from-six'/,
    );

    const restorePreview = await upgrade(id, {
      engine: 'redis',
      version: from,
      restoreSnapshot: true,
      dryRun: true,
    });
    expect(restorePreview.status).toBe(200);
    expect(restorePreview.body.dataLossWarning).toMatch(
      /every write made after .* is lost/,
    );

    const restoring = await upgrade(id, {
      engine: 'redis',
      version: from,
      restoreSnapshot: true,
      confirm: 'up-from-six',
    });
    expect(restoring.status).toBe(202);
    const restoreOp = await backend.waitForOperation(
      restoring.body.operation.id,
    );
    expect(restoreOp.error).toBeUndefined();
    expect(restoreOp.status).toBe('succeeded');

    const downgraded = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(downgraded.body).toMatchObject({ version: from, status: 'running' });
    const back = await connect(id);
    expect(await serverVersion(back)).toBe('6.0.16');
    expect(await countDamaged(back)).toBe(0);
    // As the warning said: the write after the snapshot is gone.
    expect(await back.get('written-after-upgrade')).toBeNull();
  });

  it('upgrades redis 7.0.15 to valkey 8.0.1 with every key of an AOF instance', async () => {
    const to = version('valkey 8.0.1');
    // A plain version, as instances created before builds were told apart say.
    const { id, redis } = await createSeeded(
      'to-valkey',
      'redis',
      '7.0.15',
      'aof',
    );
    expect(await serverVersion(redis)).toBe('7.0.15');

    const started = await upgrade(id, { engine: 'valkey', version: to });
    expect(started.status).toBe(202);
    const op = await backend.waitForOperation(started.body.operation.id);
    expect(op.error).toBeUndefined();
    expect(op.status).toBe('succeeded');

    const after = await connect(id);
    expect(await serverVersion(after)).toBe('8.0.1');
    expect(await countDamaged(after)).toBe(0);
    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body).toMatchObject({ engine: 'valkey', version: to });
  });

  it('rolls a failed upgrade back to the snapshot on the old binary with nothing lost', async () => {
    const from = version('redis 6.0.16');
    const broken = version('redis 7.0.15 broken');
    const { id } = await createSeeded('broken-target', 'redis', from, 'none');

    const started = await upgrade(id, { engine: 'redis', version: broken });
    expect(started.status).toBe(202);
    const op = await backend.waitForOperation(started.body.operation.id);
    expect(op.status).toBe('failed');
    expect(op.error).toMatch(/did not start/);
    expect(op.error).toMatch(
      new RegExp(
        `rolled back to redis ${from.replace('+', '\\+')} on snapshot`,
      ),
    );
    expect(op.error).toMatch(
      /nothing acknowledged before the upgrade was lost/,
    );

    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body).toMatchObject({ version: from, status: 'running' });
    const after = await connect(id);
    expect(await serverVersion(after)).toBe('6.0.16');
    expect(await countDamaged(after)).toBe(0);
    // Writes go through again after the rollback.
    await after.set('after-rollback', 'ok');
  });

  it('checks the request before anything changes', async () => {
    const { body } = await backend.api
      .get('/api/dbaas/instances?name=up-from-six')
      .set(backend.as(ALICE));
    const id = body.items[0].id;

    const badVersion = await upgrade(id, {
      engine: 'redis',
      version: 'latest',
    });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.message).toMatch(/version/);

    const unknown = await upgrade(id, { engine: 'redis', version: '9.9.9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /^version: redis 9\.9\.9 is not a candidate for up-from-six/,
    );

    const stranger = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(BOB))
      .send({
        engine: 'redis',
        version: version('redis 7.0.15'),
        dryRun: true,
      });
    expect(stranger.status).toBe(403);

    const ops = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items).toHaveLength(3);
  });
});
