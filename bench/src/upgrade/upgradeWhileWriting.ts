import {
  DbaasApiClient,
  Operation,
  waitForOperation,
} from '../../../test/src/harness';
import { Engine } from '@justmanage/plugin-dbaas-common';

/** Writes while the upgrade runs, from a second before to a second after. */
const MARGIN_MS = 1000;

/** A client writing at a steady rate, as the benchmarks' writers do. */
interface BackgroundWriter {
  start(): void;
  stop(): Promise<void>;
}

/**
 * One hop of an upgrade benchmark: `writer` writes from a second before
 * the upgrade is asked for until a second after its operation finished.
 * Returns the finished operation, its wall time and each step's duration;
 * throws if the upgrade failed.
 */
export async function upgradeWhileWriting(
  api: DbaasApiClient,
  instanceId: string,
  target: { engine: Engine; version: string },
  writer: BackgroundWriter,
  options: { timeoutMs?: number } = {},
): Promise<{
  done: Operation;
  operationMs: number;
  stepsMs: Record<string, number>;
}> {
  writer.start();
  await new Promise(resolve => setTimeout(resolve, MARGIN_MS));
  const started = performance.now();
  const upgrade = await api.upgradeInstance(instanceId, { body: target });
  if (!('operation' in upgrade)) {
    throw new Error('the API answered a plan where an upgrade was asked for');
  }
  const done = await waitForOperation(api, upgrade.operation.id, {
    ...options,
    longPollMs: 30_000,
  });
  const operationMs = performance.now() - started;
  await new Promise(resolve => setTimeout(resolve, MARGIN_MS));
  await writer.stop();
  if (done.status !== 'succeeded') {
    throw new Error(
      `upgrade to ${target.engine} ${target.version}: ${done.error}`,
    );
  }
  const stepsMs = Object.fromEntries(
    done.steps.map(step => [
      step.name,
      Date.parse(step.finishedAt!) - Date.parse(step.startedAt!),
    ]),
  );
  return { done, operationMs, stepsMs };
}
