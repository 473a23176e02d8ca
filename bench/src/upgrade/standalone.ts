import { DbaasApiClient, createRequest } from '../../../test/src/harness';
import {
  countDamaged,
  seed,
  SEEDED_KEYS,
} from '../../../plugins/dbaas-backend/src/upgrades/__testUtils__/dataset';
import { AckedWriter, benchClient } from './AckedWriter';

/** The writer's pace, as in the replicated part of the goal. */
const WRITES_PER_SECOND = 1000;
/** Writes also go on this long before and after each upgrade. */
const MARGIN_MS = 1000;

export interface HopResult {
  from: string;
  to: string;
  operationMs: number;
  /** Each step's duration, as the operation recorded it. */
  stepsMs: Record<string, number>;
  longestStallMs: number;
  acknowledged: number;
  lostAcknowledged: number;
  lostSeeded: number;
}

/** The first version the platform lists for an engine and upstream release. */
function pick(
  engines: Array<{ engine: string; versions: string[] }>,
  engine: string,
  upstream: string,
  skip?: string,
): string {
  const found = engines
    .find(e => e.engine === engine)
    ?.versions.find(v => v.split('+')[0] === upstream && v !== skip);
  if (!found) {
    throw new Error(
      `The local platform has no ${engine} ${upstream}; run scripts/install-engines.sh`,
    );
  }
  return found;
}

/**
 * A standalone instance (persistence rdb) seeded with 100,000 keys goes
 * through redis 6.0.16 -> 7.0.15 (bookworm build) -> 7.0.15 (security
 * build) -> valkey 8.0.1 while a client writes 1,000 acknowledged writes a
 * second. Each hop reports the operation's duration, the client's longest
 * stall (the downtime it saw) and the keys lost: seeded and acknowledged.
 */
export async function standaloneUpgrades(
  api: DbaasApiClient,
  onHop: (result: HopResult) => void,
): Promise<void> {
  const [local] = (await api.listPlatforms()).filter(p => p.id === 'local');
  const six = pick(local.engines, 'redis', '6.0.16');
  const sevenOld = pick(local.engines, 'redis', '7.0.15');
  const sevenNew = pick(local.engines, 'redis', '7.0.15', sevenOld);
  const valkey = pick(local.engines, 'valkey', '8.0.1');
  const hops: Array<[string, string]> = [
    ['redis', sevenOld],
    ['redis', sevenNew],
    ['valkey', valkey],
  ];

  const { instance, operation } = await api.createInstance(
    createRequest('bench-upgrade', {
      version: six,
      persistence: 'rdb',
      resources: { memoryMb: 256, cpu: 0.5, diskGb: 1 },
    }),
  );
  try {
    const created = await api.waitForOperation(operation.id, {
      longPollMs: 30_000,
    });
    if (created.status !== 'succeeded') {
      throw new Error(`create ${created.status}: ${created.error}`);
    }
    const connection = await api.getConnection(instance.id);
    const client = await benchClient({ ...connection, host: '127.0.0.1' });
    await seed(client);
    let from = `redis ${six}`;
    for (const [index, [engine, version]] of hops.entries()) {
      const writer = new AckedWriter(client, {
        prefix: `hop${index}:`,
        perSecond: WRITES_PER_SECOND,
      });
      writer.start();
      await new Promise(resolve => setTimeout(resolve, MARGIN_MS));
      const started = performance.now();
      const upgrade = await api.upgradeInstance(instance.id, {
        engine,
        version,
      });
      const done = await api.waitForOperation(upgrade.operation.id, {
        longPollMs: 30_000,
      });
      const operationMs = performance.now() - started;
      await new Promise(resolve => setTimeout(resolve, MARGIN_MS));
      await writer.stop();
      if (done.status !== 'succeeded') {
        throw new Error(`upgrade to ${engine} ${version}: ${done.error}`);
      }
      onHop({
        from,
        to: `${engine} ${version}`,
        operationMs,
        stepsMs: Object.fromEntries(
          done.steps.map(step => [
            step.name,
            Date.parse(step.finishedAt!) - Date.parse(step.startedAt!),
          ]),
        ),
        longestStallMs: writer.longestStallMs,
        acknowledged: writer.acknowledged.length,
        lostAcknowledged: await writer.countLost(client),
        lostSeeded: await countDamaged(client),
      });
      from = `${engine} ${version}`;
    }
    client.disconnect();
  } finally {
    const removal = await api.deleteInstance(instance.id);
    await api.waitForOperation(removal.operation.id, { longPollMs: 30_000 });
  }
}

export { SEEDED_KEYS };
