import { InputError } from '@backstage/errors';
import {
  Engine,
  offersEngineVersion,
  splitEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { StepStoppedError } from '../operations/finalErrors';
import { requireInstance } from '../operations/requireInstance';
import { compareFingerprints, fingerprintOf } from './fingerprint';
import { label, UpgradeParams } from './upgradeParams';
import {
  findSnapshot,
  fingerprintIn,
  observedPrimary,
  snapshotsOf,
  specFor,
  UpgradeSnapshotMeta,
  waitUntilServing,
  withPrimary,
} from './upgradeContext';
import { pauseWritesAndSave, resumeWrites } from './writePause';
import { describeSnapshot } from './snapshotCopies';
import { switchStrategies } from './switchStrategies';
import { convergeUsersOnNodes } from '../users/convergeUsersOnNodes';

/** Engine and upstream version as INFO server tells them. */
export function reportedByInfo(info: string): {
  engine: Engine;
  version: string;
} {
  const field = (name: string) =>
    new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
  // Valkey keeps redis_version at 7.2.4 for clients that check it.
  if (field('server_name') === 'valkey' || field('valkey_version')) {
    return { engine: 'valkey', version: field('valkey_version') ?? '' };
  }
  return { engine: 'redis', version: field('redis_version') ?? '' };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export async function preflight(ctx: StepContext, params: UpgradeParams) {
  const instance = requireInstance(ctx);
  snapshotsOf(ctx);
  if (params.reason) {
    // an automatic upgrade says in its own log why it started
    await ctx.log(`Started because: ${params.reason}`);
  }
  if (!switchStrategies[params.strategy]) {
    throw new InputError(
      `Platform ${instance.platform} has no ${params.strategy} upgrade strategy`,
    );
  }
  const caps = await ctx.driver.capabilities();
  const versions =
    caps.engines.find(e => e.engine === params.to.engine)?.versions ?? [];
  if (!offersEngineVersion(versions, params.to.version)) {
    throw new InputError(
      `Platform ${instance.platform} cannot run ${label(
        params.to,
      )}; available: ${versions.join(', ') || 'none'}`,
    );
  }
  const primary = await observedPrimary(ctx);
  if (!primary.running) {
    throw new Error(`${instance.name} is not serving; it must run to be saved`);
  }
  if (params.restore) {
    const restored = await findSnapshot(ctx, params.restore.id);
    if (!restored) {
      throw new InputError(
        `Snapshot ${params.restore.id} of ${instance.name} no longer exists`,
      );
    }
    await ctx.log(
      `${label(params.to)} will load snapshot ${restored.id} (RDB version ${
        restored.rdbVersion
      }, taken at ${restored.createdAt} on ${label(restored)})`,
    );
    return;
  }
  await ctx.log(
    `${instance.name} runs ${label({
      engine: instance.engine,
      version: primary.version ?? instance.version,
    })}; platform ${instance.platform} can run ${label(params.to)}${
      params.targetRdbVersion
        ? `, which reads RDB files up to version ${params.targetRdbVersion}`
        : ''
    }`,
  );
}

/**
 * Pauses writes, fingerprints and saves the data, and keeps a copy. Also
 * run again by `switch` when it is retried while the old server still
 * runs, so the snapshot is always the data the old server stopped with.
 */
export async function snapshot(ctx: StepContext, params: UpgradeParams) {
  const instance = requireInstance(ctx);
  const primary = await observedPrimary(ctx);
  const running = {
    engine: instance.engine,
    version: primary.version ?? instance.version,
  };
  // A rolling upgrade lets the primary serve on; any other stops it next.
  const fingerprint = await withPrimary(ctx, redis =>
    pauseWritesAndSave(redis, { stopsNext: params.strategy !== 'rolling' }),
  );
  const meta: UpgradeSnapshotMeta = { fingerprint };
  const snapshots = snapshotsOf(ctx);
  const taken = await describeSnapshot(
    snapshots,
    await snapshots.take(
      instance.id,
      {
        id: ctx.operation.id,
        nodeId: primary.nodeId,
        ...running,
        meta: { ...meta },
      },
      ctx.driverContext,
    ),
  );
  if (params.strategy === 'rolling') {
    // A rolling upgrade keeps serving: writes wait only for the save.
    await withPrimary(ctx, redis => resumeWrites(redis));
  }
  await ctx.log(
    `Paused writes, saved ${fingerprint.keys} keys (${
      fingerprint.expires
    } with a TTL, ${
      fingerprint.sample.length
    } sampled) and kept them as snapshot ${taken.id}: RDB version ${
      taken.rdbVersion
    }, ${megabytes(taken.sizeBytes)}`,
  );
  const targetRdb = params.targetRdbVersion;
  if (
    !params.restore &&
    targetRdb !== undefined &&
    taken.rdbVersion > targetRdb
  ) {
    throw new InputError(
      `${label(
        params.to,
      )} reads RDB files up to version ${targetRdb}, but the data of ${
        instance.name
      } is RDB version ${taken.rdbVersion}; nothing was changed`,
    );
  }
}

export async function switchBinary(ctx: StepContext, params: UpgradeParams) {
  const switchStep = ctx.operation.steps.find(s => s.name === 'switch');
  // A rolling switch picks up where it stopped and never held writes.
  if (
    !params.restore &&
    params.strategy !== 'rolling' &&
    (switchStep?.attempts ?? 0) > 1
  ) {
    const primary = await observedPrimary(ctx).catch(() => undefined);
    const taken = await findSnapshot(ctx, ctx.operation.id);
    if (primary?.running && primary.version === taken?.version) {
      await ctx.log(
        'The old server still runs after an interrupted switch; taking the snapshot again',
      );
      await snapshot(ctx, params);
    }
  }
  const strategy = switchStrategies[params.strategy];
  if (!strategy) throw new Error(`No ${params.strategy} upgrade strategy`);
  await strategy(ctx, params);
}

export async function waitReady(ctx: StepContext, params: UpgradeParams) {
  await waitUntilServing(ctx);
  const primary = await observedPrimary(ctx);
  const reported = primary.version ?? '';
  const { build } = splitEngineVersion(params.to.version);
  const matches =
    reported === params.to.version ||
    (build === undefined &&
      splitEngineVersion(reported).upstream === params.to.version);
  if (!matches) {
    throw new Error(
      `The platform runs ${reported || 'an unknown version'}, not ${
        params.to.version
      }`,
    );
  }
  await ctx.log(
    `${label(
      params.to,
    )} answers PING; application users stay off until it is verified`,
  );
}

export async function verify(ctx: StepContext, params: UpgradeParams) {
  const expectedFrom = params.restore?.id ?? ctx.operation.id;
  const expected = fingerprintIn(await findSnapshot(ctx, expectedFrom));
  const { reported, actual } = await withPrimary(ctx, async redis => ({
    reported: reportedByInfo(await redis.info('server')),
    actual: expected ? await fingerprintOf(redis, expected.sample) : undefined,
  }));
  const upstream = splitEngineVersion(params.to.version).upstream;
  if (reported.engine !== params.to.engine || reported.version !== upstream) {
    throw new StepStoppedError(
      `INFO reports ${reported.engine} ${reported.version}, expected ${params.to.engine} ${upstream}`,
    );
  }
  if (!expected || !actual) {
    await ctx.log(
      `INFO reports ${reported.engine} ${reported.version}; snapshot ${expectedFrom} has no fingerprint to compare`,
      'warn',
    );
    return;
  }
  const problems = compareFingerprints(expected, actual);
  if (problems.length) {
    // Reading again would read the same data: roll back at once, while
    // application users are still off.
    throw new StepStoppedError(`Verification failed: ${problems.join('; ')}`);
  }
  await ctx.log(
    `INFO reports ${reported.engine} ${reported.version}; ${
      actual.keys
    } keys and all ${actual.sample.length} sampled values identical to ${
      params.restore ? `snapshot ${expectedFrom}` : 'before'
    }`,
  );
}

export async function finalize(ctx: StepContext, params: UpgradeParams) {
  const instance = requireInstance(ctx);
  // The application users in the files for the next start (and a driver
  // drops the file an instance without persistence was started from), and
  // on again on the running nodes.
  await ctx.driver.update(await specFor(ctx, params.to), ctx.driverContext);
  await convergeUsersOnNodes(ctx, instance);
  const message = params.restore
    ? `${instance.name} now runs ${label(params.to)} on snapshot ${
        params.restore.id
      } of ${
        params.restore.createdAt
      }; writes made after it were lost, as confirmed`
    : `${instance.name} was upgraded from ${label(params.from)} to ${label(
        params.to,
      )}`;
  await ctx.deps.db.transaction(async tx => {
    await ctx.deps.instances.update(
      {
        ...instance,
        engine: params.to.engine,
        version: params.to.version,
        updatedAt: new Date().toISOString(),
      },
      tx,
    );
    await ctx.deps.instances.setStatus(instance.id, 'running', tx);
    await ctx.deps.events.add(
      {
        instanceId: instance.id,
        type: params.restore ? 'downgraded' : 'upgraded',
        actor: ctx.operation.createdBy,
        message: `${message}${params.reason ? ` (${params.reason})` : ''}`,
      },
      tx,
    );
  });
  await ctx.log(message);
}
