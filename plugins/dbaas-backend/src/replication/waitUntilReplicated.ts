import { Instance, InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { RedisAdmin, RedisLogin } from '../redis/RedisAdmin';
import { readReplicationInfo, readSentinelMaster } from '../redis/replication';
import { targetOf } from '../redis/redisTarget';
import { isAtAddress } from '../topology/nodeAtAddress';

type ReplicatedInstance = Pick<
  Instance,
  'id' | 'platform' | 'name' | 'replicas'
>;

/**
 * Why a replicated instance cannot fail over yet, or undefined when it
 * can: every replica has its copy and follows the primary, and every
 * Sentinel knows the primary, the replicas and the other Sentinels (which
 * it learns within seconds of starting).
 */
export async function replicationProblem(
  admin: RedisAdmin,
  login: RedisLogin,
  instance: ReplicatedInstance,
  endpoints: InstanceEndpoint[],
): Promise<string | undefined> {
  const primary = endpoints.find(e => e.role === 'primary');
  const sentinels = endpoints.filter(e => e.role === 'sentinel');
  if (!primary) return 'no primary endpoint';
  const info = await admin.withConnection(
    targetOf(instance, primary),
    login,
    readReplicationInfo,
  );
  const online = info.replicas.filter(r => r.state === 'online').length;
  if (info.role !== 'master' || online < instance.replicas) {
    return `${online} of ${instance.replicas} replicas are in sync with the primary`;
  }
  for (const sentinel of sentinels) {
    const known = await admin.withConnection(
      targetOf(instance, sentinel),
      login,
      redis => readSentinelMaster(redis, instance.name),
    );
    const flags = (known.flags ?? '').split(',');
    if (
      !flags.includes('master') ||
      flags.some(f => /down|failover/.test(f)) ||
      Number(known['num-slaves']) < instance.replicas ||
      Number(known['num-other-sentinels']) < sentinels.length - 1
    ) {
      return `Sentinel ${sentinel.host}:${sentinel.port} does not know every node yet (flags ${known.flags}, ${known['num-slaves']} replicas, ${known['num-other-sentinels']} other Sentinels)`;
    }
    if (
      !isAtAddress(
        { endpoint: primary },
        { host: known.ip, port: Number(known.port) },
      )
    ) {
      return `Sentinel ${sentinel.host}:${sentinel.port} names ${known.ip}:${known.port} as the primary`;
    }
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls {@link replicationProblem} until there is none or `deadline` passes. */
export async function waitUntilReplicated(options: {
  admin: RedisAdmin;
  login: RedisLogin;
  instance: ReplicatedInstance;
  endpoints: InstanceEndpoint[];
  deadline: number;
  signal: AbortSignal;
}): Promise<void> {
  let delay = 20;
  let problem: string | undefined = 'not checked yet';
  while (Date.now() < options.deadline) {
    options.signal.throwIfAborted();
    try {
      problem = await replicationProblem(
        options.admin,
        options.login,
        options.instance,
        options.endpoints,
      );
    } catch (error) {
      problem = (error as Error).message;
    }
    if (!problem) return;
    await sleep(delay);
    delay = Math.min(delay * 2, 500);
  }
  throw new Error(
    `Replication of ${options.instance.name} is not ready: ${problem}`,
  );
}
