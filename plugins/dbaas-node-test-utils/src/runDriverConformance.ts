import { mockServices } from '@backstage/backend-test-utils';
import {
  Driver,
  DriverContext,
  DriverInstanceSpec,
  isFinalDriverError,
  ObservedInstance,
  ObservedNode,
} from '@justmanage/plugin-dbaas-node';
import { Readable } from 'node:stream';
import { loginRefused, withNode } from './conformance/nodeClient';
import {
  newLogins,
  SuiteLogins,
  SuitePlatform,
  suiteSpec,
} from './conformance/testSpec';
import { waitFor, waitUntilRunning } from './conformance/waitFor';

/**
 * How to run the suite against one platform.
 * @public
 */
export interface DriverConformanceOptions {
  /** Shown in the test names, e.g. `local driver, loopback addressing`. */
  name: string;
  /** Called once before the tests; the suite calls `start` and `stop`. */
  createDriver(): Promise<Driver> | Driver;
  /** Called after the tests, once every instance is deprovisioned. */
  cleanUp?(driver: Driver): Promise<void>;
  /** A region, engine and version the platform runs. */
  platform: SuitePlatform;
  /** Instance ids are this prefix and a short name; keep it unique per run. */
  idPrefix: string;
  /** Replicas of the replicated instance; 0 leaves those tests out (platforms without replicas). */
  replicas: number;
  /** Whether the driver keeps snapshots (which upgrades need); false leaves those tests out. */
  snapshots: boolean;
  /** How long a change may take to converge. Default 60 s. */
  readyTimeoutMs?: number;
  /**
   * Makes the platform unavailable (a 503, a lost connection) until the
   * returned function is called; drivers must then throw errors worth a
   * retry. Platforms that cannot be made unavailable leave it out.
   */
  makeUnavailable?(): Promise<() => Promise<void>>;
}

/** Data nodes of an instance: its primary first. */
function dataNodes(observed: ObservedInstance): ObservedNode[] {
  return observed.nodes.filter(n => n.role !== 'sentinel');
}

function primaryOf(observed: ObservedInstance): ObservedNode {
  const primary = observed.nodes.find(n => n.role === 'primary');
  if (!primary) throw new Error(`${observed.instanceId} has no primary`);
  return primary;
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * The driver conformance suite: what the control plane counts on from every
 * driver, checked against the real platform (or a test platform written
 * from its API documentation). Call it at the top level of a test file.
 * Every check connects to the nodes through the driver's connector and
 * proves users and data by running Redis commands.
 * @public
 */
export function runDriverConformance(options: DriverConformanceOptions): void {
  const readyMs = options.readyTimeoutMs ?? 60_000;
  const logins: SuiteLogins = newLogins();
  const created = new Set<string>();
  let driver: Driver;

  const id = (name: string) => `${options.idPrefix}-${name}`;
  const context = (signal = new AbortController().signal): DriverContext => ({
    logger: mockServices.logger.mock(),
    signal,
  });
  const spec = (name: string, overrides: Partial<DriverInstanceSpec> = {}) =>
    suiteSpec(id(name), options.platform, logins, overrides);
  const provision = async (s: DriverInstanceSpec) => {
    created.add(s.instanceId);
    await driver.provision(s, context());
    return waitUntilRunning(driver, s.instanceId, readyMs);
  };
  const runId = (instanceId: string, node: ObservedNode) =>
    withNode(
      driver,
      instanceId,
      node,
      logins.admin,
      async redis => /run_id:(\w+)/.exec(await redis.info('server'))?.[1],
    );
  const configOf = (instanceId: string, node: ObservedNode, key: string) =>
    withNode(driver, instanceId, node, logins.admin, async redis => {
      const reply = (await redis.config('GET', key)) as string[];
      return reply[1];
    });

  describe(`driver conformance: ${options.name}`, () => {
    beforeAll(async () => {
      driver = await options.createDriver();
      await driver.start?.();
    });

    afterAll(async () => {
      for (const instanceId of created) {
        await driver.deprovision(instanceId, context());
      }
      await driver.stop?.();
      await options.cleanUp?.(driver);
    });

    it('offers the region, engine and version the suite runs, with sane limits', async () => {
      const caps = await driver.capabilities();
      expect(caps.regions).toContain(options.platform.region);
      const engine = caps.engines.find(
        e => e.engine === options.platform.engine,
      );
      expect(engine?.versions.join(' ')).toContain(options.platform.version);
      for (const limit of Object.values(caps.limits)) {
        expect(limit.min).toBeLessThanOrEqual(limit.max);
      }
      if (options.replicas > 0) {
        expect(caps.ha.replicas).toBe(true);
        expect(caps.ha.maxReplicas).toBeGreaterThanOrEqual(options.replicas);
      }
    });

    describe('a standalone instance', () => {
      const name = 'solo';

      it('runs once provisioned, with one primary that has an id, a name and an endpoint', async () => {
        const observed = await provision(spec(name));
        expect(observed.instanceId).toBe(id(name));
        expect(observed.nodes).toHaveLength(1);
        const [node] = observed.nodes;
        expect(node).toMatchObject({ role: 'primary', phase: 'running' });
        expect(node.id).toEqual(expect.any(String));
        expect(node.name).toEqual(expect.any(String));
        expect(node.endpoint).toEqual({
          host: expect.any(String),
          port: expect.any(Number),
          tls: expect.any(Boolean),
        });
      });

      it("lets the spec's users do what their rules allow, and nothing else", async () => {
        const [node] = (await driver.observe(id(name))).nodes;
        const instanceId = id(name);
        await withNode(driver, instanceId, node, logins.app, async redis => {
          await redis.set('greeting', 'hello');
          expect(await redis.get('greeting')).toBe('hello');
          // -@admin: the application may not reconfigure the server.
          await expect(redis.config('GET', 'maxmemory')).rejects.toThrow(
            /NOPERM/,
          );
        });
        expect(await loginRefused(driver, instanceId, node, undefined)).toMatch(
          /NOAUTH/,
        );
        expect(
          await loginRefused(driver, instanceId, node, {
            ...logins.app,
            password: 'not-the-password',
          }),
        ).toMatch(/WRONGPASS/);
        expect(await configOf(instanceId, node, 'maxmemory')).toBe(
          String(spec(name).resources.memoryMb * 1024 * 1024),
        );
      });

      it('changes nothing when provisioned again with the same spec', async () => {
        const instanceId = id(name);
        const before = await driver.observe(instanceId);
        const ranAs = await runId(instanceId, before.nodes[0]);
        await driver.provision(spec(name), context());
        const after = await waitUntilRunning(driver, instanceId, readyMs);
        expect(after.nodes.map(n => [n.id, n.endpoint])).toEqual(
          before.nodes.map(n => [n.id, n.endpoint]),
        );
        expect(await runId(instanceId, after.nodes[0])).toBe(ranAs);
        await withNode(
          driver,
          instanceId,
          after.nodes[0],
          logins.app,
          async r => expect(await r.get('greeting')).toBe('hello'),
        );
      });

      it('applies a new memory size and config and keeps the data', async () => {
        const instanceId = id(name);
        const changed = spec(name, {
          resources: { ...spec(name).resources, memoryMb: 48 },
          config: { timeout: '300' },
        });
        await driver.update(changed, context());
        const observed = await waitUntilRunning(driver, instanceId, readyMs);
        const [node] = observed.nodes;
        await waitFor(
          'the new memory size',
          async () =>
            (await configOf(instanceId, node, 'maxmemory')) ===
            String(48 * 1024 * 1024),
          readyMs,
        );
        expect(await configOf(instanceId, node, 'timeout')).toBe('300');
        await withNode(driver, instanceId, node, logins.app, async r =>
          expect(await r.get('greeting')).toBe('hello'),
        );
      });

      it('lists the instance among those it runs', async () => {
        expect(await driver.list()).toContain(id(name));
      });

      // Platforms without snapshots leave this out: they cannot upgrade.
      const ifSnapshots = options.snapshots ? it : () => undefined;
      ifSnapshots(
        'keeps a snapshot, hands it back as an RDB stream, and restores exactly its keys',
        async () => {
          const snapshots = driver.snapshots!;
          expect(snapshots).toBeDefined();
          const instanceId = id(name);
          const primary = primaryOf(await driver.observe(instanceId));
          await withNode(driver, instanceId, primary, logins.admin, async r => {
            await r.flushall();
            for (let i = 0; i < 100; i++) await r.set(`in-snapshot:${i}`, i);
            await r.call('SAVE');
          });
          const taken = await snapshots.take(
            instanceId,
            {
              id: 'suite-1',
              nodeId: primary.id,
              engine: options.platform.engine,
              version: options.platform.version,
              meta: { keys: 100 },
            },
            context(),
          );
          expect(taken).toMatchObject({
            id: 'suite-1',
            instanceId,
            meta: { keys: 100 },
          });
          const rdb = await drain(await snapshots.read(instanceId, 'suite-1'));
          expect(rdb.subarray(0, 5).toString('latin1')).toMatch(
            /^(REDIS|VALKE)/,
          );
          expect(taken.sizeBytes).toBe(rdb.length);
          expect((await snapshots.list(instanceId)).map(s => s.id)).toContain(
            'suite-1',
          );

          await withNode(driver, instanceId, primary, logins.app, async r => {
            await r.set('after-snapshot', 'gone after the restore');
            await r.del('in-snapshot:0');
          });
          await snapshots.restore(
            spec(name),
            { snapshotId: 'suite-1' },
            context(),
          );
          const restored = primaryOf(
            await waitUntilRunning(driver, instanceId, readyMs),
          );
          const keys = await withNode(
            driver,
            instanceId,
            restored,
            logins.app,
            async r => (await r.keys('*')).sort(),
          );
          expect(keys).toEqual(
            Array.from({ length: 100 }, (_, i) => `in-snapshot:${i}`).sort(),
          );

          await snapshots.delete(instanceId, 'suite-1');
          await snapshots.delete(instanceId, 'suite-1');
          expect(
            (await snapshots.list(instanceId)).map(s => s.id),
          ).not.toContain('suite-1');
        },
      );

      it('removes everything on deprovision, and an absent instance deprovisions again', async () => {
        const instanceId = id(name);
        const [node] = (await driver.observe(instanceId)).nodes;
        await driver.deprovision(instanceId, context());
        const gone = await waitFor(
          `${instanceId} to be absent`,
          async () => {
            const observed = await driver.observe(instanceId);
            return observed.phase === 'absent' ? observed : undefined;
          },
          readyMs,
        );
        expect(gone.nodes).toEqual([]);
        expect(await driver.list()).not.toContain(instanceId);
        expect(
          await loginRefused(driver, instanceId, node, logins.app),
        ).not.toBe('not refused');
        await driver.deprovision(instanceId, context());
        await driver.deprovision(id('never-created'), context());
        created.delete(instanceId);
      });
    });

    if (options.replicas > 0) {
      describe(`an instance with ${options.replicas} replicas`, () => {
        const name = 'ha';
        const replicated = () =>
          spec(name, { replicas: options.replicas, persistence: 'rdb' });

        it('runs a primary, the replicas and Sentinels, each node with its own id and endpoint', async () => {
          const observed = await provision(replicated());
          const roles = observed.nodes.map(n => n.role);
          expect(roles.filter(r => r === 'primary')).toHaveLength(1);
          expect(roles.filter(r => r === 'replica')).toHaveLength(
            options.replicas,
          );
          expect(roles.filter(r => r === 'sentinel').length).toBeGreaterThan(0);
          const ids = observed.nodes.map(n => n.id);
          expect(new Set(ids).size).toBe(ids.length);
          const endpoints = observed.nodes.map(
            n => `${n.endpoint!.host} ${n.endpoint!.port}`,
          );
          expect(new Set(endpoints).size).toBe(endpoints.length);
        });

        it('replicates what is written on the primary to every replica', async () => {
          const instanceId = id(name);
          const observed = await driver.observe(instanceId);
          await withNode(
            driver,
            instanceId,
            primaryOf(observed),
            logins.app,
            r => r.set('replicated', 'yes'),
          );
          for (const replica of dataNodes(observed).filter(
            n => n.role === 'replica',
          )) {
            await waitFor(
              `${replica.name} to copy the write`,
              () =>
                withNode(driver, instanceId, replica, logins.app, async r =>
                  (await r.get('replicated')) === 'yes' ? true : undefined,
                ),
              readyMs,
            );
          }
        });

        it('numbers its data nodes 0 to replicas, in the order they were added', async () => {
          const observed = await driver.observe(id(name));
          expect(
            dataNodes(observed)
              .map(n => n.ordinal)
              .sort(),
          ).toEqual(Array.from({ length: options.replicas + 1 }, (_, i) => i));
        });

        it('adds a replica that copies the data, and removes it again while the primary serves', async () => {
          const instanceId = id(name);
          const before = await driver.observe(instanceId);
          const primary = primaryOf(before);
          const primaryRunId = await runId(instanceId, primary);
          const grown = options.replicas + 1;
          await driver.update(
            spec(name, { replicas: grown, persistence: 'rdb' }),
            context(),
          );
          const added = await waitFor(
            'the added replica to copy the data',
            async () => {
              const observed = await waitUntilRunning(
                driver,
                instanceId,
                readyMs,
              );
              const node = observed.nodes.find(n => n.ordinal === grown);
              if (!node || node.role !== 'replica') return undefined;
              return (await withNode(driver, instanceId, node, logins.app, r =>
                r.get('replicated'),
              )) === 'yes'
                ? node
                : undefined;
            },
            readyMs,
          );
          await driver.update(replicated(), context());
          const after = await waitFor(
            'the added replica to be removed',
            async () => {
              const observed = await waitUntilRunning(
                driver,
                instanceId,
                readyMs,
              );
              return observed.nodes.some(n => n.id === added.id)
                ? undefined
                : observed;
            },
            readyMs,
          );
          expect(dataNodes(after)).toHaveLength(options.replicas + 1);
          expect(primaryOf(after).id).toBe(primary.id);
          // The same server all along: it was never restarted.
          expect(await runId(instanceId, primaryOf(after))).toBe(primaryRunId);
          expect(
            await loginRefused(driver, instanceId, added, logins.app),
          ).not.toBe('not refused');
        });

        it('changes only the nodes an update names', async () => {
          const instanceId = id(name);
          const before = await driver.observe(instanceId);
          const [target] = before.nodes.filter(n => n.role === 'replica');
          const others = dataNodes(before).filter(n => n.id !== target.id);
          const othersRunIds = await Promise.all(
            others.map(n => runId(instanceId, n)),
          );
          await driver.update(
            { ...replicated(), config: { timeout: '77' } },
            { ...context(), nodeIds: [target.id] },
          );
          const after = await waitUntilRunning(driver, instanceId, readyMs);
          const now = (n: ObservedNode) =>
            after.nodes.find(m => m.id === n.id)!;
          expect(await configOf(instanceId, now(target), 'timeout')).toBe('77');
          for (const [i, other] of others.entries()) {
            expect(await configOf(instanceId, now(other), 'timeout')).not.toBe(
              '77',
            );
            expect(await runId(instanceId, now(other))).toBe(othersRunIds[i]);
          }
        });
      });
    }

    describe('errors and cancellation', () => {
      it('refuses a spec the platform cannot run with a final error that names it', async () => {
        let error: unknown;
        try {
          await driver.provision(
            spec('bad-version', { version: '0.0.1' }),
            context(),
          );
        } catch (e) {
          error = e;
        }
        created.add(id('bad-version'));
        expect(isFinalDriverError(error)).toBe(true);
        expect((error as Error).message).toContain('0.0.1');

        const caps = await driver.capabilities();
        const tooMuch = caps.limits.memoryMb.max + 1;
        created.add(id('too-big'));
        const refused = await driver
          .provision(
            spec('too-big', {
              resources: { ...spec('too-big').resources, memoryMb: tooMuch },
            }),
            context(),
          )
          .then(
            () => undefined,
            (e: Error) => e,
          );
        expect(isFinalDriverError(refused)).toBe(true);
        expect(refused?.message).toMatch(/memoryMb/);
      });

      it('stops at once when the step is already aborted, leaving nothing behind', async () => {
        const controller = new AbortController();
        controller.abort(new Error('lease lost'));
        await expect(
          driver.provision(spec('aborted'), context(controller.signal)),
        ).rejects.toThrow('lease lost');
        expect((await driver.observe(id('aborted'))).phase).toBe('absent');
      });

      if (options.makeUnavailable) {
        it('reports an unavailable platform with an error worth a retry, in the platform’s words', async () => {
          const restore = await options.makeUnavailable!();
          let error: unknown;
          try {
            created.add(id('unavailable'));
            await driver.provision(spec('unavailable'), context());
          } catch (e) {
            error = e;
          } finally {
            await restore();
          }
          expect(error).toBeInstanceOf(Error);
          expect(isFinalDriverError(error)).toBe(false);
          expect((error as Error).message.length).toBeGreaterThan(0);
        });
      }
    });
  });
}
