/*
 * bench/bigkeys-instructions: the server's side of bench/bigkeys counted
 * in instructions by valgrind's callgrind, phase by phase. Wall and CPU
 * time move with the machine and its load; the instructions one binary
 * runs for one keyspace do not, so these counts say how much work per key
 * each way of scanning asks of Redis, wherever it runs.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { DEFAULT_KEY_SCAN_SETTINGS } from '../../plugins/dbaas-backend/src/bigkeys/keyScanSettings';
import { RespConnection } from '../../plugins/dbaas-backend/src/bigkeys/resp/RespConnection';
import { commandHead } from '../../plugins/dbaas-backend/src/bigkeys/resp/encodeCommands';
import { KeyScanner } from '../../plugins/dbaas-backend/src/bigkeys/scan/KeyScanner';
import {
  bareScan,
  perKeyCommand,
  redisCliMemkeys,
  scanWithMemory,
} from './bigkeysPhases';
import { seedBigKeyspace } from './bigkeysSeed';

const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 18860);
/**
 * An engine folder of scripts/install-engines.sh, e.g.
 * /opt/justmanage/engines/valkey-8.0.1+bpo12.1; by default the machine's
 * redis-server, the build bench/bigkeys runs. Valgrind is given the server
 * binary itself: it would measure a launcher script instead.
 */
const ENGINE = process.env.BENCH_ENGINE;
const SERVER = ENGINE
  ? join(
      ENGINE,
      'usr/bin',
      /valkey/.test(ENGINE) ? 'valkey-server' : 'redis-server',
    )
  : '/usr/bin/redis-server';
const LIBRARIES = ENGINE
  ? { LD_LIBRARY_PATH: join(ENGINE, 'usr/lib/x86_64-linux-gnu') }
  : {};
const run = promisify(execFile);
const number = new Intl.NumberFormat('en');

const LENGTH_HEADS: Record<string, string> = {
  string: commandHead('STRLEN'),
  list: commandHead('LLEN'),
  set: commandHead('SCARD'),
  zset: commandHead('ZCARD'),
  hash: commandHead('HLEN'),
  stream: commandHead('XLEN'),
};

/**
 * Starts the server under callgrind, set up as the local driver sets up a
 * managed instance: no persistence, maxmemory, ACL users from a file (the
 * password only as its hash, so it shows in no command line or log).
 */
async function startServer(folder: string, admin: string) {
  await writeFile(
    join(folder, 'users.acl'),
    `user jm-admin on #${createHash('sha256')
      .update(admin)
      .digest('hex')} ~* +@all\nuser default off\n`,
  );
  await writeFile(
    join(folder, 'redis.conf'),
    [
      `port ${PORT}`,
      'bind 127.0.0.1',
      `dir ${folder}`,
      'save ""',
      'appendonly no',
      'maxmemory 4096mb',
      'maxmemory-policy noeviction',
      `aclfile ${join(folder, 'users.acl')}`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      `--vgdb-prefix=${join(folder, 'vgdb')}`,
      `--callgrind-out-file=${join(folder, 'callgrind.out')}`,
      SERVER,
      join(folder, 'redis.conf'),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...LIBRARIES },
    },
  );
  let log = '';
  child.stdout!.on('data', chunk => (log += chunk));
  child.stderr!.on('data', chunk => (log += chunk));
  const login = { username: 'jm-admin', password: admin };
  const endpoint: InstanceEndpoint = {
    role: 'primary',
    host: '127.0.0.1',
    port: PORT,
    tls: false,
  };
  for (let tries = 0; ; tries++) {
    try {
      return {
        pid: child.pid!,
        login,
        endpoint,
        connection: await RespConnection.open(endpoint, login, 600_000),
        stop: () => child.kill('SIGKILL'),
      };
    } catch (error) {
      if (child.exitCode !== null || tries > 120) {
        child.kill('SIGKILL');
        throw new Error(`the server did not start: ${error}\n${log}`);
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

async function main() {
  const folder = await mkdtemp(join(tmpdir(), 'jm-bench-instructions-'));
  const server = await startServer(folder, randomBytes(24).toString('hex'));
  const control = (...args: string[]) =>
    run('callgrind_control', [
      `--vgdb-prefix=${join(folder, 'vgdb')}`,
      ...args,
      String(server.pid),
    ]);
  /** Instructions the server ran during `fn`, from a callgrind dump. */
  const counted = async (fn: () => Promise<unknown>): Promise<number> => {
    await control('--zero');
    await fn();
    const before = new Set(await readdir(folder));
    await control('--dump');
    const dump = (await readdir(folder)).find(
      f => f.startsWith('callgrind.out') && !before.has(f),
    );
    const text = await readFile(join(folder, dump!), 'utf8');
    return Number(/^totals:\s*(\d+)/m.exec(text)![1]);
  };
  try {
    const { connection, login, endpoint } = server;
    await seedBigKeyspace(connection, KEYS);
    const info = String(await connection.call('INFO', 'server'));
    const version = /server_name:valkey/.test(info)
      ? `valkey ${/valkey_version:(\S+)/.exec(info)![1]}`
      : `redis ${/redis_version:(\S+)/.exec(info)![1]}`;

    const keys: string[] = [];
    const rows: Array<[string, number]> = [];
    const phase = async (name: string, fn: () => Promise<unknown>) => {
      rows.push([name, await counted(fn)]);
    };
    await phase('bare SCAN COUNT 1000', () =>
      bareScan(connection, batch => keys.push(...batch)),
    );
    await phase('SCAN + MEMORY USAGE', () => scanWithMemory(connection));
    await phase('MEMORY USAGE per key', () =>
      perKeyCommand(connection, keys, () => commandHead('MEMORY', 'USAGE')),
    );
    const types: string[] = [];
    await phase('TYPE per key', async () => {
      for (let start = 0; start < keys.length; start += 1000) {
        const replies = await connection.send(
          keys.slice(start, start + 1000).map(key => ['TYPE', key]),
        );
        types.push(...(replies as string[]));
      }
    });
    const typeOf = new Map(keys.map((key, i) => [key, types[i]]));
    await phase('length per key', () =>
      perKeyCommand(connection, keys, key => LENGTH_HEADS[typeOf.get(key)!]),
    );
    await phase('JustManage key scan', () =>
      new KeyScanner({
        address: endpoint,
        login,
        topN: 10,
        separator: ':',
        // callgrind slows the server some fifty times: the probe must
        // neither pause nor stop the scan for it
        settings: {
          ...DEFAULT_KEY_SCAN_SETTINGS,
          latencyLimitMs: 600_000,
          timeoutMs: 600_000,
        },
      }).run(),
    );
    await phase('redis-cli --memkeys', () => redisCliMemkeys(endpoint, login));
    connection.close();

    const bare = rows[0][1];
    const perKey = (n: number) => number.format(Math.round(n / keys.length));
    const of = (name: string) => rows.find(([n]) => n === name)![1];
    const lines = [
      `bench/bigkeys-instructions  ${new Date().toISOString()}  ${version} (${SERVER}) under callgrind, ${number.format(
        keys.length,
      )} keys`,
      `${'phase'.padEnd(24)}${'instructions'.padStart(16)}${'per key'.padStart(
        10,
      )}   x bare SCAN`,
      ...rows.map(
        ([name, total]) =>
          `${name.padEnd(24)}${number.format(total).padStart(16)}${perKey(
            total,
          ).padStart(10)}   ${(total / bare).toFixed(2)}x`,
      ),
      `SCAN + TYPE + MEMORY USAGE (the issue's method, summed): ${(
        (bare + of('TYPE per key') + of('MEMORY USAGE per key')) /
        bare
      ).toFixed(2)}x the bare SCAN`,
      `redis-cli --memkeys / JustManage key scan: ${(
        of('redis-cli --memkeys') / of('JustManage key scan')
      ).toFixed(2)}x`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
