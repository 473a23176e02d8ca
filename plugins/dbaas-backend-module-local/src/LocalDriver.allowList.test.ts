import { InputError } from '@backstage/errors';
import { dial, lanAddress } from '@justmanage/plugin-dbaas-node-test-utils';
import { rm } from 'node:fs/promises';
import {
  assertNoServersUnder,
  connect,
  loginsOf,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
} from './__testUtils__/localDriverTestKit';
import { LocalDriver } from './LocalDriver';

jest.setTimeout(60_000);

/** 'PONG' for a login that works, or the error code a client dialling `host` gets. */
async function pingFrom(host: string, port: number, instanceId: string) {
  const reached = await dial(host, port);
  if (reached !== 'open') return reached;
  const client = connect(port, loginsOf(instanceId).app, host);
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

describe('LocalDriver allow-lists', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeDataDir();
  });

  afterAll(async () => {
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on a host-wide bind, listens on the network only while the allow-list reaches beyond the host, moving live with connected clients kept', async () => {
    const driver = makeDriver(
      dataDir,
      { start: 19500, end: 19504 },
      { bindAddress: '0.0.0.0' },
    );
    const lan = lanAddress();
    expect((await driver.capabilities()).allowList).toEqual({
      reachable: ['0.0.0.0/0'],
      sourceFiltering: false,
      namespaces: false,
      note: expect.stringContaining(
        'cannot refuse a client by its source address',
      ),
    });
    try {
      const spec = makeSpec('allow-a', {
        allowList: { cidrs: ['0.0.0.0/0'] },
      });
      await driver.provision(spec, makeContext());
      const { port } = (await driver.observe('allow-a')).nodes[0].endpoint!;
      expect(await pingFrom(lan, port, 'allow-a')).toBe('PONG');

      // A client already connected over loopback stays through the change.
      const held = connect(port, loginsOf('allow-a').app);
      await held.connect();
      await held.set('kept', 'yes');
      const heldId = await held.client('ID');

      await driver.update(
        { ...spec, allowList: { cidrs: ['127.0.0.0/8'] } },
        makeContext(),
      );
      expect(await pingFrom(lan, port, 'allow-a')).toBe('ECONNREFUSED');
      expect(await pingFrom('127.0.0.1', port, 'allow-a')).toBe('PONG');
      expect(await held.client('ID')).toBe(heldId);
      expect(await held.get('kept')).toBe('yes');

      await driver.update(
        { ...spec, allowList: { cidrs: ['10.0.0.0/8', `${lan}/32`] } },
        makeContext(),
      );
      expect(await pingFrom(lan, port, 'allow-a')).toBe('PONG');
      expect(await held.client('ID')).toBe(heldId);
      held.disconnect();
    } finally {
      await driver.deprovision('allow-a', makeContext());
    }
  });

  it('moves the Sentinels and replicas of a replicated instance too, and Sentinel still names the primary', async () => {
    const driver = makeDriver(
      dataDir,
      { start: 19525, end: 19529 },
      { bindAddress: '0.0.0.0' },
    );
    const lan = lanAddress();
    const spec = makeSpec('allow-r', {
      replicas: 1,
      allowList: { cidrs: ['0.0.0.0/0'] },
    });
    try {
      await driver.provision(spec, makeContext());
      const ports = (await driver.observe('allow-r')).nodes.map(
        n => n.endpoint!.port,
      );
      expect(ports).toHaveLength(5);
      for (const port of ports) expect(await dial(lan, port)).toBe('open');

      await driver.update(
        { ...spec, allowList: { cidrs: ['127.0.0.0/8'] } },
        makeContext(),
      );
      for (const port of ports) {
        expect(await dial(lan, port)).toBe('ECONNREFUSED');
        expect(await dial('127.0.0.1', port)).toBe('open');
      }
      const observed = await driver.observe('allow-r');
      expect(observed.phase).toBe('running');
      const sentinel = observed.nodes.find(n => n.role === 'sentinel')!;
      const client = connect(
        sentinel.endpoint!.port,
        loginsOf('allow-r').admin,
      );
      await client.connect();
      const [, primaryPort] = (await client.call(
        'SENTINEL',
        'GET-MASTER-ADDR-BY-NAME',
        'allow-r',
      )) as [string, string];
      client.disconnect();
      const primary = observed.nodes.find(n => n.role === 'primary')!;
      expect(Number(primaryPort)).toBe(primary.endpoint!.port);
    } finally {
      await driver.deprovision('allow-r', makeContext());
    }
  });

  it('on loopback binds, refuses an allow-list that reaches beyond the host before anything is made', async () => {
    const driver: LocalDriver = makeDriver(dataDir, {
      start: 19505,
      end: 19509,
    });
    expect((await driver.capabilities()).allowList).toMatchObject({
      reachable: ['127.0.0.0/8'],
      sourceFiltering: false,
    });
    const provisioning = driver.provision(
      makeSpec('allow-b', { allowList: { cidrs: ['10.0.0.0/8'] } }),
      makeContext(),
    );
    await expect(provisioning).rejects.toThrow(InputError);
    await expect(provisioning).rejects.toThrow(
      'allowList.cidrs: 10.0.0.0/8 cannot reach this platform: the local driver listens on loopback addresses only',
    );
    await expect(
      driver.provision(
        makeSpec('allow-b', {
          allowList: { cidrs: ['127.0.0.0/8'], namespaces: ['team-a'] },
        }),
        makeContext(),
      ),
    ).rejects.toThrow(
      'allowList.namespaces: the local platform has no namespaces',
    );
    expect(await driver.list()).not.toContain('allow-b');
  });
});
