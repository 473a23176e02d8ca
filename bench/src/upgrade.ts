/*
 * bench/upgrade: engine upgrades under a writing client, through the API of
 * a real example backend. Standalone part: an instance seeded with 100,000
 * keys is moved across four builds while a client writes 1,000
 * acknowledged writes a second; each hop prints the client's longest stall
 * (its downtime) and the keys lost (goal 0).
 */
import {
  BackendProcess,
  DbaasApiClient,
  backendConfig,
  makeTempDir,
  removeDir,
} from '../../test/src/harness';
import { SEEDED_KEYS, standaloneUpgrades } from './upgrade/standalone';
import { waitUntilIdle } from './waitUntilIdle';
import { ms } from './stats';

async function main() {
  const workDir = await makeTempDir('dbaas-bench-upgrade-');
  const backend = await BackendProcess.start({
    name: 'bench-upgrade',
    workDir,
    port: 7151,
    config: backendConfig({
      database: { sqliteDirectory: `${workDir}/sqlite` },
      dataDir: `${workDir}/instances`,
      portRange: { start: 18640, end: 18649 },
    }),
  });
  try {
    const api = await DbaasApiClient.asGuest(backend.baseUrl);
    const settleMs = await waitUntilIdle(backend.pid);
    console.log(
      `bench/upgrade  ${new Date().toISOString()}  after ${(
        settleMs / 1000
      ).toFixed(1)} s waiting for the backend to go idle`,
    );
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
  } finally {
    await backend.stop();
    await removeDir(workDir);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
