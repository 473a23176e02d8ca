import { InputError } from '@backstage/errors';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortBindable } from './portAllocator';
import {
  ADMIN,
  APP,
  connect,
  loginsOf,
  specUsers,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  isServing,
  readPid,
  serverPidsOnPort,
  assertNoServersUnder,
} from './__testUtils__/localDriverTestKit';
import { LocalDriver } from './LocalDriver';
import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';

jest.setTimeout(60_000);

const PORTS = { start: 17100, end: 17129 };

describe('LocalDriver', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const provisioned = new Set<string>();

  async function provision(id: string, overrides = {}) {
    const spec = makeSpec(id, overrides);
    provisioned.add(id);
    await driver.provision(spec, makeContext());
    return spec;
  }

  async function portOf(id: string): Promise<number> {
    const observed = await driver.observe(id);
    return observed.nodes[0].endpoint!.port;
  }

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS);
  });

  afterAll(async () => {
    for (const id of provisioned) {
      await driver.deprovision(id, makeContext());
    }
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the detected redis version as capabilities', async () => {
    const capabilities = await driver.capabilities();
    expect(capabilities.title).toBe('Local processes');
    expect(capabilities.regions).toEqual(['local']);
    expect(capabilities.engines).toContainEqual({
      engine: 'redis',
      // The machine's package, with its Debian build from dpkg's status.
      versions: expect.arrayContaining([
        expect.stringMatching(/^7\.0\.15\+deb12u\d+$/),
      ]),
    });
    expect(capabilities.ha).toEqual({
      replicas: true,
      maxReplicas: 5,
      rollingChanges: true,
    });
    expect(capabilities.limits.memoryMb).toEqual({ min: 16, max: 4096 });
  });

  it('provisions a server the app user can use and strangers cannot', async () => {
    const spec = await provision('basic');
    const observed = await driver.observe('basic');
    expect(observed).toMatchObject({
      instanceId: 'basic',
      phase: 'running',
      // A plain version runs the build on PATH, and is reported exactly.
      nodes: [
        {
          id: 'basic-node-0',
          name: 'node-0',
          endpoint: { host: '127.0.0.1', tls: false },
          role: 'primary',
          phase: 'running',
          version: expect.stringMatching(/^7\.0\.15\+deb12u\d+$/),
        },
      ],
    });
    const port = observed.nodes[0].endpoint!.port;
    expect(port).toBeGreaterThanOrEqual(PORTS.start);
    expect(port).toBeLessThanOrEqual(PORTS.end);

    const app = connect(port, loginsOf(spec.instanceId).app);
    const stranger = connect(port);
    const admin = connect(port, loginsOf(spec.instanceId).admin);
    try {
      await app.connect();
      await app.set('greeting', 'hello');
      expect(await app.get('greeting')).toBe('hello');
      // The app user must not reconfigure the server.
      await expect(app.config('GET', 'maxmemory')).rejects.toThrow(/NOPERM/);

      await stranger.connect();
      await expect(stranger.get('greeting')).rejects.toThrow(/NOAUTH/);

      await admin.connect();
      expect(await admin.config('GET', 'maxmemory')).toEqual([
        'maxmemory',
        String(32 * 1024 * 1024),
      ]);
    } finally {
      app.disconnect();
      stranger.disconnect();
      admin.disconnect();
    }
  });

  it('runs servers detached from the backend so they outlive it', async () => {
    const pid = await readPid(dataDir, 'basic');
    const procStat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const [ppid, , sid] = procStat
      .slice(procStat.lastIndexOf(')') + 4)
      .split(' ')
      .map(Number);
    expect(ppid).not.toBe(process.pid);
    // Its own session: a signal to the backend's process group misses it.
    expect(sid).toBe(pid);
  });

  it('keeps pid and port when provisioning the same spec again', async () => {
    const port = await portOf('basic');
    const pid = await readPid(dataDir, 'basic');
    await provision('basic');
    expect(await portOf('basic')).toBe(port);
    expect(await readPid(dataDir, 'basic')).toBe(pid);
    expect(await serverPidsOnPort(port)).toEqual([pid]);
  });

  it('gives distinct ports to concurrent provisions from two backends', async () => {
    const other = makeDriver(dataDir, PORTS);
    const ids = Array.from({ length: 20 }, (_, i) => `many-${i}`);
    ids.forEach(id => provisioned.add(id));
    await Promise.all(
      ids.map((id, i) =>
        (i % 2 ? other : driver).provision(makeSpec(id), makeContext()),
      ),
    );
    const observed = await Promise.all(ids.map(id => driver.observe(id)));
    expect(observed.map(o => o.phase)).toEqual(ids.map(() => 'running'));
    const ports = observed.map(o => o.nodes[0].endpoint!.port);
    expect(new Set(ports).size).toBe(20);
    expect(ports).not.toContain(6379);

    await Promise.all(ids.map(id => driver.deprovision(id, makeContext())));
    ids.forEach(id => provisioned.delete(id));
  });

  it('applies an update live without restarting', async () => {
    const spec = await provision('updated');
    const port = await portOf('updated');
    const pid = await readPid(dataDir, 'updated');
    const client = connect(port, loginsOf(spec.instanceId).app);
    await client.connect();
    await client.set('kept', 'yes');

    const changed = makeSpec('updated', {
      resources: { memoryMb: 48, cpu: 0.5, diskGb: 1 },
      maxmemoryPolicy: 'allkeys-lru',
      config: { timeout: '300' },
    });
    await driver.update(changed, makeContext());

    expect(await readPid(dataDir, 'updated')).toBe(pid);
    const admin = connect(port, loginsOf(spec.instanceId).admin);
    try {
      await admin.connect();
      expect(await admin.config('GET', 'maxmemory')).toEqual([
        'maxmemory',
        String(48 * 1024 * 1024),
      ]);
      expect(await admin.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'allkeys-lru',
      ]);
      expect(await admin.config('GET', 'timeout')).toEqual(['timeout', '300']);
      // The ACL did not change, so the app's connection was not dropped.
      expect(await client.get('kept')).toBe('yes');
    } finally {
      admin.disconnect();
      client.disconnect();
    }
    expect(
      await readFile(join(dataDir, 'updated', 'redis.conf'), 'utf8'),
    ).toContain('maxmemory 48mb');
  });

  it('keeps changed users in the ACL file for the next start, and never reloads them into the running server', async () => {
    const spec = await provision('rotated');
    const port = await portOf('rotated');
    const pid = await readPid(dataDir, 'rotated');
    const oldApp = loginsOf(spec.instanceId).app;
    const session = connect(port, oldApp);
    await session.connect();
    const newApp = { ...APP, password: 'rotated-app-secret-Kw3' };
    const rotated = makeSpec(
      'rotated',
      specUsers({ admin: loginsOf(spec.instanceId).admin, app: newApp }),
    );
    try {
      await driver.update(rotated, makeContext());

      // ACL LOAD would have closed this session; the control plane sets
      // users on running servers with ACL SETUSER instead.
      expect(await readPid(dataDir, 'rotated')).toBe(pid);
      expect(await session.ping()).toBe('PONG');
      const acl = await readFile(join(dataDir, 'rotated', 'users.acl'), 'utf8');
      expect(acl).toContain(aclPasswordHash(newApp.password));
      expect(acl).not.toContain(aclPasswordHash(oldApp.password));
    } finally {
      session.disconnect();
    }

    // The next start reads the file.
    process.kill(pid, 'SIGKILL');
    await driver.provision(rotated, makeContext());
    const restarted = connect(port, newApp);
    try {
      await restarted.connect();
      expect(await restarted.ping()).toBe('PONG');
    } finally {
      restarted.disconnect();
    }
  });

  it('restarts to apply a change when the admin password no longer works', async () => {
    await provision('readmin');
    const pid = await readPid(dataDir, 'readmin');
    const newAdmin = { ...ADMIN, password: 'new-admin-secret-Pp1' };
    const changed = makeSpec(
      'readmin',
      specUsers({ admin: newAdmin, app: loginsOf('readmin').app }),
    );
    await driver.update(changed, makeContext());
    expect(await readPid(dataDir, 'readmin')).not.toBe(pid);
    const admin = connect(await portOf('readmin'), newAdmin);
    try {
      await admin.connect();
      expect(await admin.ping()).toBe('PONG');
    } finally {
      admin.disconnect();
    }
  });

  it('restarts on the new binary when the version changes', async () => {
    // A second "version": a wrapper that reports 7.0.99 and runs the real
    // server, so the switch is tested without a second build installed.
    const wrapper = join(dataDir, 'redis-7.0.99');
    await writeFile(
      wrapper,
      [
        '#!/bin/sh',
        'if [ "$1" = "--version" ]; then',
        '  echo "Redis server v=7.0.99 sha=00000000:0 malloc=libc bits=64"',
        '  exit 0',
        'fi',
        'exec /usr/bin/redis-server "$@"',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const twoVersions = makeDriver(dataDir, PORTS, {
      binaries: [{ path: wrapper }],
      engineDirs: [],
    });
    expect((await twoVersions.capabilities()).engines).toEqual([
      {
        engine: 'redis',
        versions: [expect.stringMatching(/^7\.0\.15\+deb12u\d+$/), '7.0.99'],
      },
    ]);

    provisioned.add('upgraded');
    const spec = makeSpec('upgraded');
    await twoVersions.provision(spec, makeContext());
    const port = await portOf('upgraded');
    const pid = await readPid(dataDir, 'upgraded');

    await twoVersions.update({ ...spec, version: '7.0.99' }, makeContext());

    const observed = await twoVersions.observe('upgraded');
    expect(observed.phase).toBe('running');
    expect(observed.nodes[0].version).toBe('7.0.99');
    expect(observed.nodes[0].endpoint!.port).toBe(port);
    const newPid = await readPid(dataDir, 'upgraded');
    expect(newPid).not.toBe(pid);
    expect(await isServing(pid)).toBe(false);
    expect(await serverPidsOnPort(port)).toEqual([newPid]);
  });

  it('deprovisions completely and idempotently', async () => {
    await provision('doomed');
    const port = await portOf('doomed');
    const pid = await readPid(dataDir, 'doomed');

    await driver.deprovision('doomed', makeContext());
    provisioned.delete('doomed');

    expect(existsSync(join(dataDir, 'doomed'))).toBe(false);
    expect(existsSync(join(dataDir, 'ports', String(port)))).toBe(false);
    expect(await isServing(pid)).toBe(false);
    expect(await isPortBindable('127.0.0.1', port)).toBe(true);
    expect(await driver.observe('doomed')).toEqual({
      instanceId: 'doomed',
      phase: 'absent',
      nodes: [],
    });
    expect(await driver.list()).not.toContain('doomed');

    await expect(
      driver.deprovision('doomed', makeContext()),
    ).resolves.toBeUndefined();
    await expect(
      driver.deprovision('never-existed', makeContext()),
    ).resolves.toBeUndefined();
  });

  it('lists the instances that have a folder', async () => {
    const listed = await driver.list();
    expect(listed).toEqual(expect.arrayContaining(['basic', 'updated']));
    expect(listed).not.toContain('ports');
  });

  it('rejects a version it has no binary for', async () => {
    const promise = driver.provision(
      makeSpec('unknown-version', { version: '1.2.3' }),
      makeContext(),
    );
    await expect(promise).rejects.toThrow(InputError);
    await expect(promise).rejects.toThrow(/no redis 1\.2\.3 binary/);
    expect(await driver.list()).not.toContain('unknown-version');
  });

  it('rejects tunables that would take over managed settings', async () => {
    provisioned.add('hijack');
    await expect(
      driver.provision(
        makeSpec('hijack', { config: { dir: '/tmp' } }),
        makeContext(),
      ),
    ).rejects.toThrow(InputError);
  });

  it('persists with AOF and keeps plain passwords off the disk', async () => {
    const spec = await provision('durable', { persistence: 'aof' });
    const client = connect(
      await portOf('durable'),
      loginsOf(spec.instanceId).app,
    );
    try {
      await client.connect();
      await client.set('durable-key', 'durable-value');
    } finally {
      client.disconnect();
    }
    const conf = await readFile(join(dataDir, 'durable', 'redis.conf'), 'utf8');
    expect(conf).toContain('appendonly yes');
    expect(conf).toContain('appendfsync everysec');

    const passwords = [...provisioned].flatMap(id => {
      const { admin, app } = loginsOf(id);
      return [admin.password, app.password];
    });
    passwords.push('rotated-app-secret-Kw3', 'new-admin-secret-Pp1');
    const files = await listFiles(dataDir);
    expect(files.some(f => f.includes('appendonly'))).toBe(true);
    for (const file of files) {
      const content = await readFile(file, 'latin1');
      for (const password of passwords) {
        expect({ file, leaked: content.includes(password) }).toEqual({
          file,
          leaked: false,
        });
      }
    }
    const acl = await readFile(join(dataDir, 'durable', 'users.acl'), 'utf8');
    expect(acl.split('\n')[0]).toBe('user default off ~* +@all');
    expect(acl).toMatch(/^user app on #[0-9a-f]{64} ~\* &\* \+@all -@admin$/m);
  });
});

async function listFiles(folder: string): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(folder)) {
    const path = join(folder, entry);
    if ((await stat(path)).isDirectory()) {
      result.push(...(await listFiles(path)));
    } else {
      result.push(path);
    }
  }
  return result;
}
