/*
 * bench/provision: creates instances through the API one after another and
 * measures, for each, the time from sending the create request until a
 * client with the credentials from the connection endpoint has done a SET
 * and read the value back with GET. Prints p50/p95 beside a bare
 * redis-server's start-to-SET/GET, measured between the creates of the same
 * run so that both see the same load, and their ratio. Goal: p50 within 5x
 * the bare start. Measuring starts once the backend has finished starting
 * up: its catalog ingests its locations for several seconds.
 */
import {
  BackendProcess,
  DbaasApiClient,
  backendConfig,
  createRequest,
  makeTempDir,
  removeDir,
  guestApi,
  waitForOperation,
} from '../../test/src/harness';
import { bareStartMs } from './bareStart';
import { setGetUntilOk } from './setGetUntilOk';
import { waitUntilIdle } from './waitUntilIdle';
import { ms, quantile } from './stats';

const COUNT = Number(process.env.BENCH_COUNT ?? 50);
const BARE_RUNS = 20;

async function createToConnectable(
  api: DbaasApiClient,
  name: string,
  ids: string[],
) {
  const started = performance.now();
  const { instance, operation } = await api.createInstance({
    body: createRequest(name, {
      resources: { memoryMb: 32, cpu: 0.1, diskGb: 1 },
    }),
  });
  ids.push(instance.id);
  // Held by the server until the operation finished: no polling.
  const done = await waitForOperation(api, operation.id, {
    longPollMs: 30_000,
    timeoutMs: 30_000,
  });
  if (done.status !== 'succeeded') {
    throw new Error(`${name}: create ${done.status}: ${done.error}`);
  }
  await setGetUntilOk(await api.getConnection(instance.id));
  return performance.now() - started;
}

async function main() {
  const workDir = await makeTempDir('dbaas-bench-');
  const bare: number[] = [];
  // Spread over the run: a shared machine's load drifts within minutes.
  const bareBefore = new Set(
    Array.from({ length: BARE_RUNS }, (_, k) =>
      Math.floor((k * COUNT) / BARE_RUNS),
    ),
  );

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
  const api = await guestApi(backend.baseUrl);
  const settleMs = await waitUntilIdle(backend.pid);
  const ids: string[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < COUNT; i++) {
      if (bareBefore.has(i)) {
        bare.push(await bareStartMs(17950 + (bare.length % 10)));
      }
      times.push(await createToConnectable(api, `bench-${i}`, ids));
    }
  } finally {
    for (const id of ids) {
      const { operation } = await api.deleteInstance(id);
      await waitForOperation(api, operation.id, { intervalMs: 20 });
    }
    await backend.stop();
    await removeDir(workDir);
  }

  const bareP50 = quantile(bare, 0.5);
  const p50 = quantile(times, 0.5);
  console.log(
    `bench/provision  ${new Date().toISOString()}  ${COUNT} creates, ${
      bare.length
    } bare starts, after ${(settleMs / 1000).toFixed(
      1,
    )} s waiting for the backend to go idle`,
  );
  console.log(
    `bare redis-server start-to-SET/GET    p50 ${ms(bareP50)}  p95 ${ms(
      quantile(bare, 0.95),
    )}`,
  );
  console.log(
    `API create-to-connectable (SET/GET)  p50 ${ms(p50)}  p95 ${ms(
      quantile(times, 0.95),
    )}  max ${ms(Math.max(...times))}`,
  );
  console.log(
    `ratio p50 / bare p50                 ${(p50 / bareP50).toFixed(
      2,
    )}x  (goal: <= 5x)`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
