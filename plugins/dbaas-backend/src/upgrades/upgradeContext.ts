import { NotAllowedError } from '@backstage/errors';
import { Engine } from '@justmanage/plugin-dbaas-common';
import {
  DriverInstanceSpec,
  DriverSnapshots,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { StepContext } from '../operations/types';
import { buildDriverSpec } from '../operations/driverSpec';
import { ADMIN_USERNAME } from '../operations/aclUsers';
import { requireInstance } from '../operations/requireInstance';
import { waitUntilReady } from '../operations/waitUntilReady';
import { DatasetFingerprint } from './fingerprint';
import { RedisTarget } from '../redis/redisTarget';
import { describeSnapshot, SnapshotCopy } from './snapshotCopies';

/** SAVE of a big dataset takes a while; the usual 2 s would cut it off. */
const SAVE_TIMEOUT_MS = 10 * 60_000;

/** What a snapshot of an upgrade carries besides the file. */
export interface UpgradeSnapshotMeta {
  fingerprint?: DatasetFingerprint;
}

export function snapshotsOf(ctx: StepContext): DriverSnapshots {
  const snapshots = ctx.driver.snapshots;
  if (!snapshots) {
    throw new NotAllowedError(
      `Platform ${ctx.driver.id} cannot keep snapshots, which upgrades need to roll back`,
    );
  }
  return snapshots;
}

export async function findSnapshot(
  ctx: StepContext,
  id: string,
): Promise<SnapshotCopy | undefined> {
  const instanceId = ctx.operation.instanceId;
  const snapshots = snapshotsOf(ctx);
  const found = (await snapshots.list(instanceId)).find(s => s.id === id);
  return found && describeSnapshot(snapshots, found);
}

export function fingerprintIn(
  snapshot: SnapshotCopy | undefined,
): DatasetFingerprint | undefined {
  return (snapshot?.meta as UpgradeSnapshotMeta | undefined)?.fingerprint;
}

/** The primary as the platform reports it now, and the version it runs. */
export async function observedPrimary(ctx: StepContext): Promise<{
  target: RedisTarget;
  nodeId: string;
  version?: string;
  running: boolean;
}> {
  const observed = await ctx.driver.observe(ctx.operation.instanceId);
  const node = observed.nodes.find(n => n.role === 'primary');
  if (!node?.endpoint) {
    throw new Error(
      `The platform reports no primary (phase ${observed.phase}${
        observed.message ? `: ${observed.message}` : ''
      })`,
    );
  }
  return {
    target: {
      platform: ctx.driver.id,
      instanceId: ctx.operation.instanceId,
      nodeId: node.id,
      endpoint: node.endpoint,
    },
    nodeId: node.id,
    version: node.version,
    running: observed.phase === 'running',
  };
}

/** Runs `fn` as the control plane's admin user on the primary. */
export async function withPrimary<T>(
  ctx: StepContext,
  fn: (redis: Redis) => Promise<T>,
): Promise<T> {
  const { target } = await observedPrimary(ctx);
  const login = await ctx.deps.credentials.get(
    ctx.operation.instanceId,
    'admin',
  );
  if (!login) {
    throw new Error(
      `Instance ${ctx.operation.instanceId} has no admin credentials`,
    );
  }
  return ctx.deps.admin.withConnection(target, login, fn, {
    commandTimeoutMs: SAVE_TIMEOUT_MS,
  });
}

/**
 * The driver spec of the instance as it is, but running `target`. With
 * `hold`, every user but the control plane's is switched off: clients
 * reconnect within milliseconds of a restart, and their writes must wait
 * until the data is verified, or a rollback would lose them.
 */
export async function specFor(
  ctx: StepContext,
  target: { engine: Engine; version: string },
  options: { hold?: boolean } = {},
): Promise<DriverInstanceSpec> {
  const instance = requireInstance(ctx);
  const spec = await buildDriverSpec(
    { ...instance, engine: target.engine, version: target.version },
    ctx.deps,
  );
  if (!options.hold) return spec;
  return {
    ...spec,
    users: spec.users.map(user =>
      user.username === ADMIN_USERNAME
        ? user
        : { ...user, rules: `${user.rules} off` },
    ),
  };
}

/** Whether the named step of this operation has been started before. */
export function stepStarted(ctx: StepContext, name: string): boolean {
  return (ctx.operation.steps.find(s => s.name === name)?.attempts ?? 0) > 0;
}

/**
 * Waits until the platform reports the instance serving, then proves it
 * with waitUntilReady's PING. Polled every 10 ms rather than with
 * waitUntilReady's growing pauses: every millisecond here is downtime.
 */
export async function waitUntilServing(ctx: StepContext): Promise<void> {
  const deadline = Date.now() + ctx.deps.readyTimeoutMs;
  while (Date.now() < deadline) {
    ctx.driverContext.signal.throwIfAborted();
    const { phase } = await ctx.driver.observe(ctx.operation.instanceId);
    if (phase === 'running' || phase === 'failed') break;
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  await waitUntilReady(ctx);
}
