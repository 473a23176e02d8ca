import Redis from 'ioredis';
import { BackupKeyspace } from '@justmanage/plugin-dbaas-common';
import { ObservedNode } from '@justmanage/plugin-dbaas-node';
import { StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { targetOfNode } from '../redis/redisTarget';
import {
  DatasetFingerprint,
  queueFingerprint,
  readFingerprint,
  sampleKeys,
} from '../upgrades/fingerprint';
import { reportedByInfo } from '../upgrades/upgradeSteps';
import { parseKeyspaceByDb } from './backupContents';

/** A big dataset takes a while to save; the admin's usual timeout would cut it off. */
const SAVE_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 50;

/** What the save recorded of the node and its data, kept with the snapshot. */
export interface SavedData {
  nodeId: string;
  nodeRole: 'primary' | 'replica';
  version: string;
  fingerprint: DatasetFingerprint;
  keyspace: BackupKeyspace;
}

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

async function backgroundSaveDone(redis: Redis, deadline: number) {
  for (;;) {
    const info = await redis.info('persistence');
    if (infoField(info, 'rdb_bgsave_in_progress') !== '1') return info;
    if (Date.now() > deadline) {
      throw new Error('A background save did not finish in time');
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

/**
 * A replica that serves when there is one, so the primary never forks for
 * a backup; else the primary.
 */
export function nodeToSave(nodes: ObservedNode[]): ObservedNode {
  const serving = (n: ObservedNode) => n.phase === 'running' && n.endpoint;
  const node =
    nodes.find(n => n.role === 'replica' && serving(n)) ??
    nodes.find(n => n.role === 'primary' && serving(n));
  if (!node) throw new Error('No data node serves, so none can be saved');
  return node;
}

/**
 * Reads the fingerprint and key counts and starts BGSAVE in one MULTI, so
 * the file the fork writes holds exactly the data they describe, while the
 * node goes on serving.
 */
async function fingerprintAndSave(redis: Redis) {
  const deadline = Date.now() + SAVE_TIMEOUT_MS;
  for (;;) {
    await backgroundSaveDone(redis, deadline);
    const sample = await sampleKeys(redis);
    const transaction = redis.multi();
    queueFingerprint(transaction, sample);
    transaction.bgsave();
    const replies = ((await transaction.exec()) ?? []) as Array<
      [Error | null, unknown]
    >;
    const started = replies[sample.length + 1];
    // A scheduled save began between the check and the MULTI: wait for it.
    if (started?.[0] && /in progress/i.test(started[0].message)) continue;
    if (!started || started[0]) {
      throw new Error(`BGSAVE failed: ${started?.[0]?.message ?? 'no reply'}`);
    }
    const after = await backgroundSaveDone(redis, deadline);
    if (infoField(after, 'rdb_last_bgsave_status') !== 'ok') {
      throw new Error('The background save failed; see the server log');
    }
    return {
      fingerprint: readFingerprint(replies, sample),
      keyspace: parseKeyspaceByDb(String(replies[sample.length][1])),
    };
  }
}

/** Saves the chosen node's data to its RDB file and says what it holds. */
export async function saveOnNode(ctx: StepContext): Promise<SavedData> {
  const instance = requireInstance(ctx);
  const observed = await ctx.driver.observe(instance.id);
  const node = nodeToSave(observed.nodes);
  const login = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!login) throw new Error(`Instance ${instance.name} has no admin login`);
  return ctx.deps.admin.withConnection(
    targetOfNode(instance, node),
    login,
    async redis => {
      const saved = await fingerprintAndSave(redis);
      const { version } = reportedByInfo(await redis.info('server'));
      return {
        nodeId: node.id,
        nodeRole: node.role as SavedData['nodeRole'],
        version: node.version ?? version,
        ...saved,
      };
    },
    { commandTimeoutMs: SAVE_TIMEOUT_MS },
  );
}
