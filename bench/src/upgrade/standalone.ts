import { Engine } from '@justmanage/plugin-dbaas-common';
import {
  DbaasApiClient,
  createRequest,
  waitForOperation,
} from '../../../test/src/harness';
import {
  countDamaged,
  seed,
  SEEDED_KEYS,
} from '../../../plugins/dbaas-backend/src/upgrades/__testUtils__/dataset';
import { AckedWriter, benchClient } from './AckedWriter';
import { pickVersion } from './pickVersion';
import { upgradeWhileWriting } from './upgradeWhileWriting';

/** The writer's pace, as in the replicated part of the goal. */
const WRITES_PER_SECOND = 1000;

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
  const [local] = (await api.listPlatforms()).items.filter(
    p => p.id === 'local',
  );
  const six = pickVersion(local.engines, 'redis', '6.0.16');
  const sevenOld = pickVersion(local.engines, 'redis', '7.0.15');
  const sevenNew = pickVersion(local.engines, 'redis', '7.0.15', sevenOld);
  const valkey = pickVersion(local.engines, 'valkey', '8.0.1');
  const hops: Array<[Engine, string]> = [
    ['redis', sevenOld],
    ['redis', sevenNew],
    ['valkey', valkey],
  ];

  const { instance, operation } = await api.createInstance({
    body: createRequest('bench-upgrade', {
      version: six,
      persistence: 'rdb',
      resources: { memoryMb: 256, cpu: 0.5, diskGb: 1 },
    }),
  });
  try {
    const created = await waitForOperation(api, operation.id, {
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
      const { operationMs, stepsMs } = await upgradeWhileWriting(
        api,
        instance.id,
        { engine, version },
        writer,
      );
      onHop({
        from,
        to: `${engine} ${version}`,
        operationMs,
        stepsMs,
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
    await waitForOperation(api, removal.operation.id, { longPollMs: 30_000 });
  }
}

export { SEEDED_KEYS };
