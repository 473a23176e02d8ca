import { KeyScanReport } from '@justmanage/plugin-dbaas-common';
import { OperationControlStore } from '../database/OperationControlStore';
import { targetOf } from '../redis/redisTarget';
import { requireInstance } from '../operations/requireInstance';
import { StepContext } from '../operations/types';
import { DEFAULT_KEY_SCAN_SETTINGS, KeyScanSettings } from './keyScanSettings';
import { KeyScanStore } from './KeyScanStore';
import { KeyScanner } from './scan/KeyScanner';

/** What POST /key-scans puts in the operation's params. */
export interface KeyScanParams {
  topN: number;
  separator: string;
  settings: Partial<KeyScanSettings>;
}

/** Saves progress at most once per interval, never two writes at once. */
function progressSaver(ctx: StepContext, intervalMs: number) {
  const control = new OperationControlStore(ctx.deps.db);
  let savedAt = 0;
  let saving: Promise<void> | undefined;
  const save = (done: number, total: number) =>
    control
      .setProgress(ctx.operation.id, {
        done,
        total,
        unit: 'keys',
        updatedAt: new Date().toISOString(),
      })
      .catch(() => {
        // progress is a courtesy; the scan goes on without it
      });
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (saving || now - savedAt < intervalMs) return;
      savedAt = now;
      saving = save(done, total).finally(() => {
        saving = undefined;
      });
    },
    async finish(done: number, total: number) {
      await saving;
      await save(done, total);
    },
  };
}

/**
 * The one step of a key scan: scan as the control plane's admin user,
 * store the report. The log says how it went, never which keys it saw.
 */
export async function runKeyScan(ctx: StepContext): Promise<void> {
  const instance = requireInstance(ctx);
  const endpoint = instance.endpoints.find(e => e.role === 'primary');
  if (!endpoint) throw new Error(`Instance ${instance.name} has no endpoint`);
  const login = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!login) throw new Error(`Instance ${instance.name} has no admin user`);
  const params = ctx.operation.params as unknown as KeyScanParams;
  const settings = { ...DEFAULT_KEY_SCAN_SETTINGS, ...params.settings };
  await ctx.log(
    `Scanning with SCAN COUNT ${settings.batchSize}, at most ${settings.maxInFlight} pipelines in flight; backing off when PING exceeds ${settings.latencyLimitMs} ms`,
  );

  const progress = progressSaver(ctx, settings.progressIntervalMs);
  let last = { done: 0, total: 0 };
  const startedAt = new Date();
  const route = await ctx.deps.admin.route(
    targetOf(instance, endpoint),
    ctx.driverContext.signal,
  );
  const result = await new KeyScanner({
    address: route,
    login,
    topN: params.topN,
    separator: params.separator,
    settings,
    signal: ctx.driverContext.signal,
    onProgress: (done, total) => {
      last = { done, total };
      progress.update(done, total);
    },
    onBackoff: (pingMs, pauseMs) => {
      ctx
        .log(
          `PING took ${pingMs} ms, above ${settings.latencyLimitMs} ms: pausing ${pauseMs} ms with smaller batches`,
          'warn',
        )
        .catch(() => {});
    },
  })
    .run()
    .finally(() => route.close());
  await progress.finish(last.done, last.total);

  const finishedAt = new Date();
  const report: KeyScanReport = {
    instanceId: instance.id,
    operationId: ctx.operation.id,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    topN: params.topN,
    separator: params.separator,
    ...result,
  };
  await new KeyScanStore(ctx.deps.db).save(report);
  const { latency } = result;
  await ctx.log(
    `Scanned ${result.keysScanned} keys in ${
      result.databases.length
    } databases in ${(report.durationMs / 1000).toFixed(1)} s; PING p99 ${
      latency.p99Ms
    } ms against ${latency.baselineMs} ms before, ${latency.backoffs} pauses`,
  );
}
