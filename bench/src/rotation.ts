/*
 * bench/rotation: password rotations under clients that keep logging in.
 * A pool of clients logs in afresh every 100 ms with the password a secret
 * store (here: this process, reading the connection endpoint) publishes,
 * and a few sessions opened at the start run a command every 100 ms. The
 * app user's password is rotated 20 times through the API with a grace
 * period; the scheduled retirement then removes the old ones. Prints each
 * rotation's and retirement's time, the logins, the failed logins (goal 0)
 * and the dropped long-lived sessions (goal 0).
 */
import {
  BackendProcess,
  backendConfig,
  createRequest,
  DbaasApiClient,
  guestApi,
  makeTempDir,
  removeDir,
  waitForOperation,
} from '../../test/src/harness';
import { LoginPool, LongSessions, PoolTarget } from './rotation/loginPool';
import { waitUntilIdle } from './waitUntilIdle';
import { ms, quantile } from './stats';

const ROTATIONS = Number(process.env.BENCH_ROTATIONS ?? 20);
const GRACE_SECONDS = Number(process.env.BENCH_GRACE_SECONDS ?? 5);
/** How often the clients' secret store reads the newest password. */
const PUBLISH_EVERY_MS = 500;
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 7153);
const [FIRST_PORT, LAST_PORT] = (process.env.BENCH_PORT_RANGE ?? '18660-18679')
  .split('-')
  .map(Number);

const sleep = (msToWait: number) =>
  new Promise(resolve => setTimeout(resolve, msToWait));

/** Asks for a rotation, waiting out another operation of the instance (409). */
async function rotate(api: DbaasApiClient, instanceId: string) {
  for (;;) {
    try {
      return await api.rotateAclUserPassword(instanceId, 'app', {
        body: { graceSeconds: GRACE_SECONDS },
      });
    } catch (error) {
      if (!/409|operation in progress/.test(String(error))) throw error;
      await sleep(100);
    }
  }
}

async function main() {
  const workDir = await makeTempDir('dbaas-bench-rotation-');
  const backend = await BackendProcess.start({
    name: 'bench-rotation',
    workDir,
    port: PORT,
    config: backendConfig({
      database: { sqliteDirectory: `${workDir}/sqlite` },
      dataDir: `${workDir}/instances`,
      portRange: { start: FIRST_PORT, end: LAST_PORT },
    }),
  });
  try {
    const api = await guestApi(backend.baseUrl);
    const settleMs = await waitUntilIdle(backend.pid);
    const accepted = await api.createInstance({
      body: createRequest('bench-rotation', { replicas: REPLICAS }),
    });
    const instanceId = accepted.instance.id;
    await waitForOperation(api, accepted.operation.id);
    const connection = await api.getConnection(instanceId);
    let published = connection.password;
    const target: PoolTarget = {
      host: connection.host,
      port: connection.port,
      username: connection.username,
      password: () => published,
    };
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        published = (await api.getAclUserConnection(instanceId, 'app'))
          .password;
        await sleep(PUBLISH_EVERY_MS);
      }
    })();

    const sessions = await LongSessions.open(target, 5, 100);
    const pool = new LoginPool(target, 10, 100);
    console.log(
      `bench/rotation  ${new Date().toISOString()}  after ${(
        settleMs / 1000
      ).toFixed(1)} s waiting for the backend to go idle; ${
        REPLICAS
          ? `a primary with ${REPLICAS} replicas and 3 Sentinels`
          : 'a standalone instance'
      }; 10 clients logging in every 100 ms, 5 sessions open throughout; ${ROTATIONS} rotations with ${GRACE_SECONDS} s grace; the clients read the newest password every ${PUBLISH_EVERY_MS} ms`,
    );
    const rotationMs: number[] = [];
    for (let i = 1; i <= ROTATIONS; i++) {
      const started = performance.now();
      const rotated = await rotate(api, instanceId);
      const done = await waitForOperation(api, rotated.operation.id, {
        intervalMs: 20,
      });
      if (done.status !== 'succeeded') {
        throw new Error(`Rotation ${i} failed: ${done.error}`);
      }
      rotationMs.push(performance.now() - started);
      console.log(
        `rotation ${String(i).padStart(2)}: ${ms(
          rotationMs[i - 1],
        )} from request to a new password on every node; logins so far ${
          pool.logins
        }, failed ${pool.failures.length}`,
      );
      await sleep(1000);
    }

    // The last grace period ends, and the retirement task (every 15 s)
    // takes the old passwords off.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const app = await api.getAclUser(instanceId, 'app');
      if (app.passwords.length === 1) break;
      if (Date.now() > deadline) {
        throw new Error(
          `Old passwords still held after 60 s: ${JSON.stringify(
            app.passwords,
          )}`,
        );
      }
      await sleep(500);
    }
    await sleep(1000);
    await pool.stop();
    publishing = false;
    await publisher;
    const dropped = await sessions.close();

    const operations = await api.listOperations(instanceId);
    const retirements = operations.items.filter(
      op => op.type === 'users' && op.params.action === 'retire',
    );
    const retireMs = retirements.map(
      op => Date.parse(op.finishedAt!) - Date.parse(op.createdAt),
    );
    console.log(
      `rotations: p50 ${ms(quantile(rotationMs, 0.5))}  max ${ms(
        Math.max(...rotationMs),
      )};  retirements: ${retirements.length}, p50 ${ms(
        quantile(retireMs, 0.5),
      )}  max ${ms(Math.max(...retireMs))}`,
    );
    console.log(
      `logins ${pool.logins}, failed logins ${pool.failures.length} (goal 0)${
        pool.failures.length
          ? `: ${[...new Set(pool.failures)].join('; ')}`
          : ''
      }`,
    );
    console.log(
      `long-lived sessions: 5, dropped ${dropped} (goal 0); their commands ${sessions.commands}, failed ${sessions.errors.length}`,
    );
    const removal = await api.deleteInstance(instanceId);
    await waitForOperation(api, removal.operation.id);
  } catch (error) {
    if (!backend.running) {
      console.error(
        `The backend exited; its last output:\n${backend.tail(40)}`,
      );
    }
    throw error;
  } finally {
    await backend.stop();
    await removeDir(workDir);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
