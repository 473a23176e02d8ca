/*
 * bench/upgrade: engine upgrades under a writing client, through the API of
 * a real example backend. Standalone part: an instance seeded with 100,000
 * keys is moved across four builds while a client writes 1,000
 * acknowledged writes a second; each hop prints the client's longest stall
 * (its downtime) and the keys lost (goal 0). Replicated part: the same with
 * a primary, 2 replicas and 3 Sentinels, upgraded node by node while a
 * Sentinel-aware client writes 1,000 writes a second, each acknowledged by
 * a replica; each hop prints the longest stall (goal <= 1 s) and the
 * acknowledged writes lost (goal 0).
 */
import {
  BackendProcess,
  backendConfig,
  makeTempDir,
  removeDir,
  guestApi,
} from '../../test/src/harness';
import { SEEDED_KEYS, standaloneUpgrades } from './upgrade/standalone';
import { printReplicatedUpgrades } from './upgrade/replicated';
import { waitUntilIdle } from './waitUntilIdle';
import { ms } from './stats';

/** `BENCH_ONLY=standalone` or `replicated` runs one part. */
const ONLY = process.env.BENCH_ONLY;
/** Two benches on one machine need their own ports: BENCH_PORT, BENCH_PORT_RANGE=18600-18649. */
const PORT = Number(process.env.BENCH_PORT ?? 7151);
const [FIRST_PORT, LAST_PORT] = (process.env.BENCH_PORT_RANGE ?? '18600-18649')
  .split('-')
  .map(Number);

async function main() {
  const workDir = await makeTempDir('dbaas-bench-upgrade-');
  const backend = await BackendProcess.start({
    name: 'bench-upgrade',
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
    console.log(
      `bench/upgrade  ${new Date().toISOString()}  after ${(
        settleMs / 1000
      ).toFixed(1)} s waiting for the backend to go idle`,
    );
    if (ONLY !== 'replicated') {
      console.log(
        `standalone, persistence rdb, ${SEEDED_KEYS} seeded keys, a client writing 1000 acknowledged writes/s`,
      );
      let lost = 0;
      await standaloneUpgrades(api, hop => {
        lost += hop.lostAcknowledged + hop.lostSeeded;
        console.log(
          `${`${hop.from} -> ${hop.to}`.padEnd(50)} operation ${ms(
            hop.operationMs,
          )}  downtime (longest stall) ${ms(hop.longestStallMs)}  writes ${
            hop.acknowledged
          }, lost ${hop.lostAcknowledged}  seeded keys lost ${hop.lostSeeded}`,
        );
        console.log(
          `${''.padEnd(50)} steps: ${Object.entries(hop.stepsMs)
            .map(([step, took]) => `${step} ${took} ms`)
            .join(', ')}`,
        );
      });
      console.log(`standalone: ${lost} keys lost in all (goal: 0)`);
    }

    if (ONLY !== 'standalone') await printReplicatedUpgrades(api);
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
