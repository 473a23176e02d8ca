import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { RespConnection } from '../../plugins/dbaas-backend/src/bigkeys/resp/RespConnection';
import {
  commandHead,
  keyArgument,
} from '../../plugins/dbaas-backend/src/bigkeys/resp/encodeCommands';

const run = promisify(execFile);
const MEMORY_USAGE = commandHead('MEMORY', 'USAGE');

/** A bare `SCAN COUNT 1000` pass; `onKeys` sees every batch of keys. */
export async function bareScan(
  connection: RespConnection,
  onKeys?: (keys: string[]) => void,
): Promise<void> {
  let cursor = '0';
  do {
    const reply = (await connection.call('SCAN', cursor, 'COUNT', '1000')) as [
      string,
      string[],
    ];
    cursor = reply[0];
    onKeys?.(reply[1]);
  } while (cursor !== '0');
}

/**
 * Sends `head` + key for every key, a pipeline per 1000 keys, two in
 * flight like the key scan, and waits for every answer.
 */
export async function perKeyCommand(
  connection: RespConnection,
  keys: string[],
  head: (key: string) => string,
): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  for (let start = 0; start < keys.length; start += 1000) {
    let payload = '';
    const batch = keys.slice(start, start + 1000);
    for (const key of batch) payload += head(key) + keyArgument(key);
    while (inFlight.length >= 2) await inFlight.shift();
    inFlight.push(connection.sendEncoded(payload, batch.length));
  }
  await Promise.all(inFlight);
}

/**
 * The least any scan of the kind does: SCAN, and MEMORY USAGE for
 * every key it returns, pipelined like the key scan (two batches in
 * flight), without the type, the counts or any bookkeeping. It shows what
 * the server itself needs for one command per key, which bounds how near
 * a bare SCAN the key scan can come.
 */
export async function scanWithMemory(
  connection: RespConnection,
): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let cursor = '0';
  do {
    const [reply] = (await connection.send([
      ['SCAN', cursor, 'COUNT', '1000'],
    ])) as [[string, string[]]];
    cursor = reply[0];
    const keys = reply[1];
    if (keys.length) {
      let payload = '';
      for (const key of keys) payload += MEMORY_USAGE + keyArgument(key);
      while (inFlight.length >= 2) await inFlight.shift();
      inFlight.push(connection.sendEncoded(payload, keys.length));
    }
  } while (cursor !== '0');
  await Promise.all(inFlight);
}

/** `redis-cli --memkeys` (the machine's redis-cli) as the given user; its output. */
export async function redisCliMemkeys(
  endpoint: InstanceEndpoint,
  login: { username: string; password: string },
): Promise<string> {
  const { stdout } = await run(
    'redis-cli',
    [
      '-h',
      endpoint.host,
      '-p',
      String(endpoint.port),
      '--user',
      login.username,
      '--pass',
      login.password,
      '--no-auth-warning',
      '--memkeys',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}
