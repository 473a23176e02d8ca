/*
 * bench/bigkeys: seeds a million keys of every type into an instance run
 * by the local driver's own code, then in one run times a bare SCAN COUNT
 * 1000 pass, SCAN with MEMORY USAGE alone (the floor of any such scan),
 * the JustManage key scan (the operation's scanner with its
 * default settings), `redis-cli --memkeys` and the analysis of a fresh
 * backup (BGSAVE included), while a client in another process GETs a key
 * every millisecond and records what it waited.
 * Goals: the scan within 2x the bare SCAN, at least 4x faster than
 * --memkeys, and the concurrent client's p99 kept low; the backup
 * analysis at least 5x faster than --memkeys with the same biggest keys
 * and sizes, and no command per key on the live server.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import {
  DEFAULT_KEY_SCAN_SETTINGS,
  KeyScanSettings,
} from '../../plugins/dbaas-backend/src/bigkeys/keyScanSettings';
import { RespConnection } from '../../plugins/dbaas-backend/src/bigkeys/resp/RespConnection';
import { KeyScanner } from '../../plugins/dbaas-backend/src/bigkeys/scan/KeyScanner';
import { bareScan, redisCliMemkeys, scanWithMemory } from './bigkeysPhases';
import { analyseFreshBackup } from './bigkeysBackup';
import { backupLines } from './bigkeysBackupReport';
import { seedBigKeyspace } from './bigkeysSeed';
import { LocalInstance, startLocalInstance } from './localInstance';
import { quantile } from './stats';

const KEYS = Number(process.env.BENCH_KEYS ?? 1_000_000);
/** BENCH_PORT_START=19790 moves the instance's ten ports. */
const PORT_START = Number(process.env.BENCH_PORT_START ?? 18850);
const PORTS = { start: PORT_START, end: PORT_START + 9 };
/** e.g. BENCH_SCAN='{"maxInFlight":1}' to try other settings. */
const SETTINGS: KeyScanSettings = {
  ...DEFAULT_KEY_SCAN_SETTINGS,
  ...JSON.parse(process.env.BENCH_SCAN ?? '{}'),
};

const PHASE_NAMES: Record<string, string> = {
  bare: 'bare',
  floor: 'SCAN + MEMORY',
  scan: 'JustManage',
  memkeys: 'redis-cli',
  analysis: 'backup analysis',
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const number = new Intl.NumberFormat('en');

/** Times `pass` on an admin connection of its own, connecting untimed. */
async function timedPass(
  instance: LocalInstance,
  pass: (connection: RespConnection) => Promise<void>,
): Promise<number> {
  const connection = await RespConnection.open(
    instance.endpoint,
    instance.admin,
    30_000,
  );
  try {
    const started = performance.now();
    await pass(connection);
    return performance.now() - started;
  } finally {
    connection.close();
  }
}

function bareScanMs(instance: LocalInstance): Promise<number> {
  return timedPass(instance, connection => bareScan(connection));
}

function scanWithMemoryMs(instance: LocalInstance): Promise<number> {
  return timedPass(instance, connection => scanWithMemory(connection));
}

async function memkeysRun(
  instance: LocalInstance,
): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const output = await redisCliMemkeys(instance.endpoint, instance.admin);
  return { ms: performance.now() - started, output };
}

async function backupAnalysisRun(instance: LocalInstance) {
  const connection = await RespConnection.open(
    instance.endpoint,
    instance.admin,
    60_000,
  );
  try {
    return await analyseFreshBackup(instance, connection);
  } finally {
    connection.close();
  }
}

function startClient(instance: LocalInstance) {
  const child = fork(join(__dirname, 'latencyClient.ts'), [], {
    execArgv: ['--require', '@backstage/cli-node/config/nodeTransform.cjs'],
    env: {
      ...process.env,
      BENCH_HOST: instance.endpoint.host,
      BENCH_PORT: String(instance.endpoint.port),
      BENCH_USER: instance.app.username,
      BENCH_PASS: instance.app.password,
    },
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', code => reject(new Error(`client exited ${code}`)));
  });
  return {
    ready,
    phase: (phase: string) => child.send({ phase }),
    stop: () =>
      new Promise<Record<string, number[]>>(resolve => {
        child.on('message', (m: { samples?: Record<string, number[]> }) => {
          if (m.samples) resolve(m.samples);
        });
        child.send({ stop: true });
      }),
    kill: () => child.kill('SIGKILL'),
  };
}

function latencyLine(samples: number[] | undefined): string {
  if (!samples?.length) return '';
  const f = (v: number) => `${v.toFixed(2)} ms`.padStart(9);
  return `client p50 ${f(quantile(samples, 0.5))}  p99 ${f(
    quantile(samples, 0.99),
  )}  max ${f(Math.max(...samples))}  (${samples.length} GETs)`;
}

async function main() {
  const instance = await startLocalInstance({
    portRange: PORTS,
    memoryMb: 4096,
  });
  let client: ReturnType<typeof startClient> | undefined;
  try {
    const seeding = await RespConnection.open(
      instance.endpoint,
      instance.app,
      60_000,
    );
    const seedMs = await seedBigKeyspace(seeding, KEYS);
    const used = String(await seeding.call('INFO', 'memory')).match(
      /used_memory:(\d+)/,
    )![1];
    seeding.close();

    client = startClient(instance);
    await client.ready;
    client.phase('idle');
    await new Promise(r => setTimeout(r, 3000));

    const cpu: Record<string, number> = {};
    const serverCpu = async (name: string, fn: () => Promise<number>) => {
      const before = await instance.cpuSeconds();
      const ms = await fn();
      cpu[name] = (await instance.cpuSeconds()) - before;
      return ms;
    };

    client.phase('bare');
    const bare = await serverCpu('bare', () => bareScanMs(instance));
    client.phase('between');
    await new Promise(r => setTimeout(r, 1000));

    client.phase('floor');
    const floor = await serverCpu('floor', () => scanWithMemoryMs(instance));
    client.phase('between');
    await new Promise(r => setTimeout(r, 1000));

    client.phase('scan');
    let result: Awaited<ReturnType<KeyScanner['run']>> | undefined;
    const scan = await serverCpu('scan', async () => {
      const started = performance.now();
      result = await new KeyScanner({
        address: instance.endpoint,
        login: instance.admin,
        topN: 10,
        separator: ':',
        settings: SETTINGS,
      }).run();
      return performance.now() - started;
    });
    client.phase('between');
    await new Promise(r => setTimeout(r, 1000));

    client.phase('memkeys');
    let memkeysOutput = '';
    const memkeys = await serverCpu('memkeys', async () => {
      const run = await memkeysRun(instance);
      memkeysOutput = run.output;
      return run.ms;
    });
    client.phase('between');
    await new Promise(r => setTimeout(r, 1000));

    client.phase('analysis');
    let backup: Awaited<ReturnType<typeof backupAnalysisRun>> | undefined;
    const analysis = await serverCpu('analysis', async () => {
      backup = await backupAnalysisRun(instance);
      return backup.totalMs;
    });
    const samples = await client.stop();
    client = undefined;

    const { latency } = result!;
    const pad = (s: string) => s.padEnd(22);
    const timed = (name: string, ms: number) =>
      `${pad(name)}${seconds(ms).padStart(8)}  server CPU ${cpu[
        Object.keys(cpu).find(k => name.startsWith(PHASE_NAMES[k]))!
      ].toFixed(2)} s  `;
    const lines = [
      `bench/bigkeys  ${new Date().toISOString()}  redis ${
        instance.version
      }, ${number.format(KEYS)} keys (${(Number(used) / 2 ** 20).toFixed(
        0,
      )} MiB) seeded in ${seconds(seedMs)} by pipelining`,
      `scan settings: ${JSON.stringify(SETTINGS)}`,
      `${pad('idle')}${' '.repeat(32)}${latencyLine(samples.idle)}`,
      `${timed('bare SCAN COUNT 1000', bare)}${latencyLine(samples.bare)}`,
      `${timed('SCAN + MEMORY USAGE', floor)}${latencyLine(samples.floor)}`,
      `${timed('JustManage key scan', scan)}${latencyLine(samples.scan)}`,
      `${timed('redis-cli --memkeys', memkeys)}${latencyLine(samples.memkeys)}`,
      `${timed('backup analysis', analysis)}${latencyLine(samples.analysis)}`,
      `scan / bare SCAN         ${(scan / bare).toFixed(2)}x  (goal: <= 2x)`,
      `--memkeys / scan         ${(memkeys / scan).toFixed(2)}x  (goal: >= 4x)`,
      `the floor, SCAN + MEMORY USAGE alone: ${(floor / bare).toFixed(
        2,
      )}x the bare SCAN, ${(memkeys / floor).toFixed(
        2,
      )}x faster than --memkeys`,
      ...backupLines(backup!, result!, memkeysOutput, memkeys, KEYS),
      `the scan's own PING probe: baseline ${latency.baselineMs} ms, p99 ${
        latency.p99Ms
      } ms, max ${latency.maxMs} ms, ${
        latency.backoffs
      } pauses; ${number.format(result!.keysScanned)} keys, ${
        result!.types.length
      } types, ${result!.patterns.length} patterns`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    client?.kill();
    await instance.remove();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
