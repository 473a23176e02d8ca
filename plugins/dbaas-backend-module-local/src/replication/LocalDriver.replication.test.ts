import { ObservedInstance } from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortBindable } from '../portAllocator';
import {
  assertNoServersUnder,
  connect,
  loginsOf,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  serverPidsOnPort,
  serverPidsUnder,
  waitFor,
} from '../__testUtils__/localDriverTestKit';
import { LocalDriver } from '../LocalDriver';

jest.setTimeout(120_000);

const PORTS = { start: 18500, end: 18539 };
const ID = 'replicated';

function byRole(observed: ObservedInstance, role: string) {
  return observed.nodes.filter(n => n.role === role);
}

/** A client that finds the primary through the Sentinels, as applications should. */
function sentinelClient(
  observed: ObservedInstance,
  name: string,
  login: { username: string; password: string },
): Redis {
  const client = new Redis({
    sentinels: byRole(observed, 'sentinel').map(n => ({
      host: n.endpoint!.host,
      port: n.endpoint!.port,
    })),
    name,
    username: login.username,
    password: login.password,
    sentinelUsername: login.username,
    sentinelPassword: login.password,
    maxRetriesPerRequest: null,
  });
  client.on('error', () => undefined);
  return client;
}

async function pidOf(dataDir: string, nodeId: string): Promise<number> {
  const name = nodeId.slice(`${ID}-`.length);
  const folder =
    name === 'node-0' ? join(dataDir, ID) : join(dataDir, ID, 'nodes', name);
  return Number((await readFile(join(folder, 'redis.pid'), 'utf8')).trim());
}

describe('LocalDriver with replicas and Sentinels', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const spec = makeSpec(ID, { replicas: 2, persistence: 'rdb' });
  const { admin, app } = loginsOf(ID);
  const clients: Redis[] = [];

  function track<T extends Redis>(client: T): T {
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS, {
      supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
      sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
    });
    await driver.start();
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await driver.stop();
    await driver.deprovision(ID, makeContext());
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs a primary, two replicas and three Sentinels, each on its own port and folder', async () => {
    await driver.provision(spec, makeContext());
    const observed = await driver.observe(ID);
    expect(observed.phase).toBe('running');
    expect(observed.nodes.map(n => [n.id, n.role, n.phase])).toEqual([
      [`${ID}-node-0`, 'primary', 'running'],
      [`${ID}-node-1`, 'replica', 'running'],
      [`${ID}-node-2`, 'replica', 'running'],
      [`${ID}-sentinel-0`, 'sentinel', 'running'],
      [`${ID}-sentinel-1`, 'sentinel', 'running'],
      [`${ID}-sentinel-2`, 'sentinel', 'running'],
    ]);
    expect(observed.nodes.map(n => [n.name, n.endpoint?.host])).toEqual([
      ['node-0', '127.0.0.1'],
      ['node-1', '127.0.0.1'],
      ['node-2', '127.0.0.1'],
      ['sentinel-0', '127.0.0.1'],
      ['sentinel-1', '127.0.0.1'],
      ['sentinel-2', '127.0.0.1'],
    ]);
    const ports = observed.nodes.map(n => n.endpoint!.port);
    expect(new Set(ports).size).toBe(6);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(PORTS.start);
      expect(port).toBeLessThanOrEqual(PORTS.end);
      expect(await serverPidsOnPort(port)).toHaveLength(1);
    }
    // One working directory per node.
    const cwds = await Promise.all(
      (await serverPidsUnder(dataDir)).map(pid => readlink(`/proc/${pid}/cwd`)),
    );
    expect(new Set(cwds).size).toBe(6);
    expect((await readdir(join(dataDir, ID, 'nodes'))).sort()).toEqual([
      'node-1',
      'node-2',
      'sentinel-0',
      'sentinel-1',
      'sentinel-2',
    ]);
  });

  it('replicates what the app writes on the primary to both replicas', async () => {
    const observed = await driver.observe(ID);
    const [primary] = byRole(observed, 'primary');
    const writer = track(connect(primary.endpoint!.port, app));
    await writer.connect();
    await writer.set('greeting', 'hello from the primary');
    await writer.call('WAIT', '2', '5000');
    for (const replica of byRole(observed, 'replica')) {
      const reader = track(connect(replica.endpoint!.port, app));
      await reader.connect();
      expect(await reader.get('greeting')).toBe('hello from the primary');
      // Replicas refuse writes: clients must go to the primary.
      await expect(reader.set('x', '1')).rejects.toThrow(/READONLY/);
      const info = await reader.info('replication');
      expect(info).toMatch(/role:slave/);
      expect(info).toContain(`master_port:${primary.endpoint!.port}`);
      expect(info).toMatch(/master_link_status:up/);
    }
  });

  it('has the ACL users on every data node, and no default user', async () => {
    const observed = await driver.observe(ID);
    for (const node of [
      ...byRole(observed, 'primary'),
      ...byRole(observed, 'replica'),
    ]) {
      const stranger = track(connect(node.endpoint!.port));
      await stranger.connect();
      await expect(stranger.get('greeting')).rejects.toThrow(/NOAUTH/);
      const user = track(connect(node.endpoint!.port, app));
      await user.connect();
      await expect(user.call('ACL', 'LIST')).rejects.toThrow(/NOPERM/);
      const control = track(connect(node.endpoint!.port, admin));
      await control.connect();
      const users = (await control.call('ACL', 'USERS')) as string[];
      expect(users.sort()).toEqual(['app', 'default', 'jm-admin']);
    }
  });

  it('lets a Sentinel-aware client log in as the app user; Sentinels tell anyone where the primary is, and nothing else', async () => {
    const observed = await driver.observe(ID);
    const client = track(sentinelClient(observed, ID, app));
    await client.set('through-sentinel', 'yes');
    expect(await client.get('through-sentinel')).toBe('yes');

    const [sentinel] = byRole(observed, 'sentinel');
    const anonymous = track(connect(sentinel.endpoint!.port));
    await anonymous.connect();
    expect(
      await anonymous.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', ID),
    ).toEqual([
      '127.0.0.1',
      String(byRole(observed, 'primary')[0].endpoint!.port),
    ]);
    await expect(anonymous.call('SENTINEL', 'FAILOVER', ID)).rejects.toThrow(
      /NOPERM/,
    );
    const appOnSentinel = track(connect(sentinel.endpoint!.port, app));
    await appOnSentinel.connect();
    await expect(
      appOnSentinel.call('SENTINEL', 'SET', ID, 'quorum', '1'),
    ).rejects.toThrow(/NOPERM/);
  });

  it('fails over when the primary is killed; the client keeps working and the old primary returns as a replica', async () => {
    await waitFor(
      'the Sentinels to know each other and both replicas',
      async () => {
        const observed = await driver.observe(ID);
        const [sentinel] = byRole(observed, 'sentinel');
        const control = connect(sentinel.endpoint!.port, admin);
        try {
          await control.connect();
          const fields = (await control.call(
            'SENTINEL',
            'MASTER',
            ID,
          )) as string[];
          const info = Object.fromEntries(
            fields.flatMap((v, i) => (i % 2 ? [] : [[v, fields[i + 1]]])),
          );
          return (
            info['num-other-sentinels'] === '2' && info['num-slaves'] === '2'
          );
        } finally {
          control.disconnect();
        }
      },
      30_000,
    );
    const before = await driver.observe(ID);
    const [oldPrimary] = byRole(before, 'primary');
    const client = track(sentinelClient(before, ID, app));
    await client.set('before-failover', 'kept');
    await client.call('WAIT', '2', '5000');

    process.kill(await pidOf(dataDir, oldPrimary.id), 'SIGKILL');

    const after = await waitFor(
      'a replica to be promoted',
      async () => {
        const observed = await driver.observe(ID);
        const [primary] = byRole(observed, 'primary');
        return primary?.id !== oldPrimary.id && primary?.phase === 'running'
          ? observed
          : undefined;
      },
      30_000,
    );
    const [newPrimary] = byRole(after, 'primary');
    expect(newPrimary.endpoint!.port).not.toBe(oldPrimary.endpoint!.port);
    expect(after.nodes[0]).toMatchObject({
      role: 'primary',
      endpoint: { port: newPrimary.endpoint!.port },
    });

    // The same client object, with no help: it asks the Sentinels again.
    await waitFor(
      'the client to write to the new primary',
      async () => (await client.set('after-failover', 'written')) === 'OK',
      30_000,
    );
    expect(await client.get('before-failover')).toBe('kept');

    // The supervisor brings the old primary back, as a replica of the new one.
    const healed = await waitFor(
      'the old primary to run again as a replica',
      async () => {
        const observed = await driver.observe(ID);
        const old = observed.nodes.find(n => n.id === oldPrimary.id);
        return old?.role === 'replica' && old.phase === 'running'
          ? observed
          : undefined;
      },
      30_000,
    );
    expect(byRole(healed, 'primary').map(n => n.id)).toEqual([newPrimary.id]);
    const rejoined = track(connect(oldPrimary.endpoint!.port, app));
    await rejoined.connect();
    await waitFor(
      'the old primary to copy the write made after the failover',
      async () => (await rejoined.get('after-failover')) === 'written',
      30_000,
    );
    expect(await rejoined.info('replication')).toContain(
      `master_port:${newPrimary.endpoint!.port}`,
    );
  });

  it('revives a killed replica and a killed Sentinel in their roles', async () => {
    const before = await driver.observe(ID);
    const [replica] = byRole(before, 'replica');
    const [sentinel] = byRole(before, 'sentinel');
    const pids = {
      replica: await pidOf(dataDir, replica.id),
      sentinel: await pidOf(dataDir, sentinel.id),
    };
    process.kill(pids.replica, 'SIGKILL');
    process.kill(pids.sentinel, 'SIGKILL');
    const after = await waitFor(
      'both to run again',
      async () => {
        const observed = await driver.observe(ID);
        return observed.nodes.every(n => n.phase === 'running') &&
          (await pidOf(dataDir, replica.id)) !== pids.replica &&
          (await pidOf(dataDir, sentinel.id)) !== pids.sentinel
          ? observed
          : undefined;
      },
      20_000,
    );
    expect(after.nodes.map(n => [n.id, n.role, n.endpoint])).toEqual(
      before.nodes.map(n => [n.id, n.role, n.endpoint]),
    );
    const reader = track(connect(replica.endpoint!.port, app));
    await reader.connect();
    await waitFor(
      'the revived replica to copy again',
      async () => (await reader.get('after-failover')) === 'written',
    );
  });

  it('refuses, as final, to remove the node that is the primary, and changes nothing', async () => {
    const before = await driver.observe(ID);
    const [primary] = byRole(before, 'primary');
    // The failover above moved the primary to node-1 or node-2.
    expect(primary.ordinal).toBeGreaterThan(0);
    const error = await driver
      .update(
        makeSpec(ID, {
          replicas: primary.ordinal! - 1,
          persistence: 'rdb',
        }),
        makeContext(),
      )
      .catch(e => e);
    expect(error.name).toBe('PlatformRejectedError');
    expect(error.message).toContain(
      `${primary.name} is the primary of instance ${ID}; move the primary to a node that stays before removing it`,
    );
    const after = await driver.observe(ID);
    expect(after.nodes.map(n => [n.id, n.role, n.phase])).toEqual(
      before.nodes.map(n => [n.id, n.role, n.phase]),
    );
    expect(
      JSON.parse(await readFile(join(dataDir, ID, 'spec.json'), 'utf8'))
        .replicas,
    ).toBe(2);
  });

  it('keeps the app password off the disk; the admin password only where Redis needs it in plain text', async () => {
    const files = await listFiles(join(dataDir, ID));
    const withAdminPassword: string[] = [];
    for (const file of files) {
      const content = await readFile(file, 'latin1');
      expect({ file, leaked: content.includes(app.password) }).toEqual({
        file,
        leaked: false,
      });
      if (content.includes(admin.password)) {
        withAdminPassword.push(file.slice(dataDir.length + ID.length + 2));
      }
    }
    // Redis' CONFIG REWRITE makes its files world-readable; the folders
    // around them let nobody but the backend's user in.
    for (const folder of [
      dataDir,
      join(dataDir, ID),
      join(dataDir, ID, 'nodes'),
    ]) {
      expect({ folder, mode: (await stat(folder)).mode & 0o077 }).toEqual({
        folder,
        mode: 0,
      });
    }
    // masterauth of every data node and Sentinel's auth-pass.
    expect(withAdminPassword.sort()).toEqual([
      'nodes/node-1/redis.conf',
      'nodes/node-2/redis.conf',
      'nodes/sentinel-0/sentinel.conf',
      'nodes/sentinel-1/sentinel.conf',
      'nodes/sentinel-2/sentinel.conf',
      'redis.conf',
    ]);
  });

  it('deprovisions every node and frees every port', async () => {
    const observed = await driver.observe(ID);
    await driver.deprovision(ID, makeContext());
    expect(await serverPidsUnder(dataDir)).toEqual([]);
    for (const { endpoint } of observed.nodes) {
      expect(await serverPidsOnPort(endpoint!.port)).toEqual([]);
      expect(await isPortBindable('127.0.0.1', endpoint!.port)).toBe(true);
    }
    expect(await readdir(join(dataDir, 'ports'))).toEqual([]);
    expect((await driver.observe(ID)).phase).toBe('absent');
  });
});

describe('LocalDriver replicas of Redis 6.0', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const spec = makeSpec('legacy', { version: '6.0.16', replicas: 1 });

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS);
  });

  afterAll(async () => {
    await driver.deprovision('legacy', makeContext());
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('watches 6.0 data nodes with Sentinels of a Redis that can log in as a user', async () => {
    await driver.provision(spec, makeContext());
    const observed = await driver.observe('legacy');
    expect(observed.phase).toBe('running');
    expect(
      observed.nodes.map(n => [n.role, n.version?.replace(/\+.*/, '')]),
    ).toEqual([
      ['primary', '6.0.16'],
      ['replica', '6.0.16'],
      ['sentinel', '7.0.15'],
      ['sentinel', '7.0.15'],
      ['sentinel', '7.0.15'],
    ]);
    const [primary, replica] = observed.nodes;
    const writer = connect(
      primary.endpoint!.port,
      loginsOf(spec.instanceId).app,
    );
    const reader = connect(
      replica.endpoint!.port,
      loginsOf(spec.instanceId).app,
    );
    try {
      await writer.connect();
      await writer.set('k', 'v');
      await reader.connect();
      await waitFor(
        'the 6.0 replica to copy',
        async () => (await reader.get('k')) === 'v',
      );
    } finally {
      writer.disconnect();
      reader.disconnect();
    }
  });
});

describe('LocalDriver snapshots of a replicated instance', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const spec = makeSpec('restored', { replicas: 1, persistence: 'rdb' });

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS);
  });

  afterAll(async () => {
    await driver.deprovision('restored', makeContext());
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes the snapshot from the primary and restores it on every data node', async () => {
    await driver.provision(spec, makeContext());
    const before = await driver.observe('restored');
    const [primary, replica] = before.nodes;
    const writer = connect(
      primary.endpoint!.port,
      loginsOf(spec.instanceId).admin,
    );
    try {
      await writer.connect();
      await writer.set('kept', 'from the snapshot');
      // The replica's first sync may still hold the primary's one
      // background save, which SAVE refuses to run beside.
      await waitFor('SAVE to run', async () => {
        await writer.call('SAVE');
        return true;
      });
      const snapshot = await driver.snapshots!.take(
        'restored',
        {
          id: 'snap-1',
          nodeId: primary.id,
          engine: 'redis',
          version: '7.0.15',
          meta: {},
        },
        makeContext(),
      );
      expect(snapshot.sizeBytes).toBeGreaterThan(0);
      await writer.set('later', 'not in the snapshot');
      await writer.call('WAIT', '1', '5000');
    } finally {
      writer.disconnect();
    }

    await driver.snapshots!.restore(
      spec,
      { snapshotId: 'snap-1' },
      makeContext(),
    );

    const after = await driver.observe('restored');
    expect(after.nodes.map(n => [n.id, n.role, n.phase, n.endpoint])).toEqual(
      before.nodes.map(n => [n.id, n.role, 'running', n.endpoint]),
    );
    for (const node of [primary, replica]) {
      const reader = connect(
        node.endpoint!.port,
        loginsOf(spec.instanceId).app,
      );
      try {
        await reader.connect();
        await waitFor(
          `${node.id} to hold the snapshot's data`,
          async () => (await reader.get('kept')) === 'from the snapshot',
        );
        expect(await reader.get('later')).toBeNull();
      } finally {
        reader.disconnect();
      }
    }
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
