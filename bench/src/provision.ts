/*
 * bench/provision: creates instances through the API one after another and
 * measures, for each, the time from sending the create request to the first
 * PONG a client gets with the credentials from the connection endpoint.
 * Prints p50/p95 beside a bare redis-server's start-to-PONG measured in the
 * same run, and their ratio. Goal: p50 within 5x the bare start.
 */
import {
  BackendProcess,
  DbaasApiClient,
  backendConfig,
  createRequest,
  makeTempDir,
  removeDir,
} from '../../test/src/harness';
import { bareStartMs } from './bareStart';
import { pingUntilPong } from './pingUntilPong';
import { ms, quantile } from './stats';

const COUNT = Number(process.env.BENCH_COUNT ?? 50);
const BARE_RUNS = 20;

async function createToConnectable(
  api: DbaasApiClient,
  name: string,
  ids: string[],
) {
  const started = performance.now();
  const { instance, operation } = await api.createInstance(
    createRequest(name, { resources: { memoryMb: 32, cpu: 0.1, diskGb: 1 } }),
  );
  ids.push(instance.id);
  // Held by the server until the operation finished: no polling.
  const done = await api.waitForOperation(operation.id, {
    longPollMs: 30_000,
    timeoutMs: 30_000,
  });
  if (done.status !== 'succeeded') {
    throw new Error(`${name}: create ${done.status}: ${done.error}`);
  }
  await pingUntilPong(await api.getConnection(instance.id));
  return performance.now() - started;
}

async function main() {
  const workDir = await makeTempDir('dbaas-bench-');
  const bare: number[] = [];
  for (let i = 0; i < BARE_RUNS; i++) {
    bare.push(await bareStartMs(17950 + (i % 10)));
  }

  const backend = await BackendProcess.start({
    name: 'bench',
    workDir,
    port: 7120,
    config: backendConfig({
      database: { sqliteDirectory: `${workDir}/sqlite` },
      dataDir: `${workDir}/instances`,
      portRange: { start: 17900, end: 17949 },
    }),
  });
  const api = await DbaasApiClient.asGuest(backend.baseUrl);
  const ids: string[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < COUNT; i++) {
      times.push(await createToConnectable(api, `bench-${i}`, ids));
    }
  } finally {
    for (const id of ids) {
      const { operation } = await api.deleteInstance(id);
      await api.waitForOperation(operation.id, { intervalMs: 20 });
    }
    await backend.stop();
    await removeDir(workDir);
  }

  const bareP50 = quantile(bare, 0.5);
  const p50 = quantile(times, 0.5);
  console.log(
    `bench/provision  ${new Date().toISOString()}  ${COUNT} creates, ${BARE_RUNS} bare starts`,
  );
  console.log(
    `bare redis-server start-to-PONG   p50 ${ms(bareP50)}  p95 ${ms(
      quantile(bare, 0.95),
    )}`,
  );
  console.log(
    `API create-to-connectable         p50 ${ms(p50)}  p95 ${ms(
      quantile(times, 0.95),
    )}  max ${ms(Math.max(...times))}`,
  );
  console.log(
    `ratio p50 / bare p50              ${(p50 / bareP50).toFixed(
      2,
    )}x  (goal: <= 5x)`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
