/*
 * bench/rotation, Vault static-role run: a product user handed to a Vault
 * static role is rotated 20 times by Vault (rotate-role, one a second)
 * while a pool of clients logs in afresh every 100 ms with the password
 * Vault publishes (static-creds, read every 500 ms, as an app or Vault
 * Agent would), and a few sessions opened at the start run a command
 * every 100 ms. Vault reaches the instance through the product's gateway
 * (BENCH_VAULT_MODE=direct: straight to the primary, followed by the
 * product afterwards). Prints each rotation's time, the logins, the failed
 * logins (goal 0) and the dropped long-lived sessions (goal 0).
 */
import {
  BackendProcess,
  backendConfig,
  createRequest,
  guestApi,
  makeTempDir,
  removeDir,
  waitForOperation,
} from '../../test/src/harness';
import { TestVault } from '../../test/src/platforms/vault';
import { LoginPool, LongSessions, PoolTarget } from './rotation/loginPool';
import { waitUntilIdle } from './waitUntilIdle';
import { ms, quantile } from './stats';

const ROTATIONS = Number(process.env.BENCH_ROTATIONS ?? 20);
const GRACE_SECONDS = Number(process.env.BENCH_GRACE_SECONDS ?? 5);
const MODE = process.env.BENCH_VAULT_MODE === 'direct' ? 'direct' : 'gateway';
const PUBLISH_EVERY_MS = 500;
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 7154);
const [FIRST_PORT, LAST_PORT] = (process.env.BENCH_PORT_RANGE ?? '18660-18679')
  .split('-')
  .map(Number);
const GATEWAY_PORTS = { start: LAST_PORT + 1, end: LAST_PORT + 5 };
const ROLE = 'bench-vault-orders'; // Vault names it <instance>-<user>

const sleep = (msToWait: number) =>
  new Promise(resolve => setTimeout(resolve, msToWait));

async function main() {
  const vault = await new TestVault({ mounts: ['database'] }).start();
  const vaultApi = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${vault.url}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': vault.rootToken },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status === 204) return undefined;
    const json = await res.json();
    if (!res.ok) throw new Error(`Vault ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const workDir = await makeTempDir('dbaas-bench-rotation-vault-');
  const config = backendConfig({
    database: { sqliteDirectory: `${workDir}/sqlite` },
    dataDir: `${workDir}/instances`,
    portRange: { start: FIRST_PORT, end: LAST_PORT },
  });
  (config.dbaas as Record<string, unknown>).vault = {
    address: vault.url,
    token: vault.rootToken,
    rotationGraceSeconds: GRACE_SECONDS,
    followIntervalSeconds: 1,
    ...(MODE === 'gateway' ? { gateway: { ports: GATEWAY_PORTS } } : {}),
  };
  const backend = await BackendProcess.start({
    name: 'bench-rotation-vault',
    workDir,
    port: PORT,
    config,
  });
  try {
    const api = await guestApi(backend.baseUrl);
    const settleMs = await waitUntilIdle(backend.pid);
    const accepted = await api.createInstance({
      body: createRequest('bench-vault', { replicas: REPLICAS }),
    });
    const instanceId = accepted.instance.id;
    await waitForOperation(api, accepted.operation.id);
    for (let i = 0; ; i++) {
      const status = await api.getVaultStatus(instanceId);
      if (status.status === 'registered') break;
      if (i > 100)
        throw new Error(`Not registered with Vault: ${status.message}`);
      await sleep(200);
    }
    const user = await api.createAclUser(instanceId, {
      body: { username: 'orders', preset: 'read-write-safe' },
    });
    await waitForOperation(api, user.operation.id);
    await api.createVaultStaticRole(instanceId, {
      body: { username: 'orders', rotationPeriodSeconds: 3600 },
    });
    const readSecret = async () =>
      (await vaultApi('GET', `database/static-creds/${ROLE}`)).data
        .password as string;
    const connection = await api.getConnection(instanceId);
    let published = await readSecret();
    const target: PoolTarget = {
      host: connection.host,
      port: connection.port,
      username: 'orders',
      password: () => published,
    };
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        published = await readSecret();
        await sleep(PUBLISH_EVERY_MS);
      }
    })();

    const sessions = await LongSessions.open(target, 5, 100);
    const pool = new LoginPool(target, 10, 100);
    console.log(
      `bench/rotation (Vault static role, ${MODE})  ${new Date().toISOString()}  after ${(
        settleMs / 1000
      ).toFixed(1)} s waiting for the backend to go idle; ${
        REPLICAS
          ? `a primary with ${REPLICAS} replicas and 3 Sentinels`
          : 'a standalone instance'
      }; 10 clients logging in every 100 ms, 5 sessions open throughout; ${ROTATIONS} Vault rotations (rotate-role) with ${GRACE_SECONDS} s grace; the clients read static-creds from Vault every ${PUBLISH_EVERY_MS} ms`,
    );
    const rotationMs: number[] = [];
    for (let i = 1; i <= ROTATIONS; i++) {
      const started = performance.now();
      await vaultApi('POST', `database/rotate-role/${ROLE}`);
      rotationMs.push(performance.now() - started);
      console.log(
        `rotation ${String(i).padStart(2)}: Vault answered in ${ms(
          rotationMs[i - 1],
        )}; logins so far ${pool.logins}, failed ${pool.failures.length}`,
      );
      await sleep(1000);
    }
    // The last grace ends; the follower task takes the old passwords off.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const orders = await api.getAclUser(instanceId, 'orders');
      if (orders.passwords.length === 1) break;
      if (Date.now() > deadline) {
        throw new Error(
          `Old passwords still held after 60 s: ${orders.passwords.length}`,
        );
      }
      await sleep(500);
    }
    await sleep(1000);
    await pool.stop();
    publishing = false;
    await publisher;
    const dropped = await sessions.close();
    console.log(
      `rotations: p50 ${ms(quantile(rotationMs, 0.5))}  max ${ms(
        Math.max(...rotationMs),
      )} from rotate-role to Vault's answer`,
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
    await api.deleteVaultStaticRole(instanceId, 'orders');
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
    await vault.stop();
    await removeDir(workDir);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
