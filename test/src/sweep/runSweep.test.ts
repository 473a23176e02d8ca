import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { describeFinding, runSweep } from './runSweep';

/*
 * The sweep can fail: secrets planted in a kept log and in a kept SQLite
 * database are reported with their place, and a sweep with too little to
 * look for fails instead of passing.
 */

const password = randomBytes(24).toString('base64url');
const admin = randomBytes(24).toString('base64url');
const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

let dir: string;

beforeEach(async () => {
  // Not the harness's makeTempDir/removeDir: under scripts/test-all.sh
  // removeDir would keep these planted secrets for the real sweep.
  dir = await mkdtemp(join(tmpdir(), 'sweep-test-'));
  mkdirSync(join(dir, 'logs'));
  mkdirSync(join(dir, 'db'));
  writeFileSync(
    join(dir, 'secrets-1.jsonl'),
    [
      { kind: 'password', value: password, source: 'POST /users' },
      { kind: 'admin password', value: admin, source: 'dbaas_credentials' },
      { kind: 'private key', value: pem, source: 'tls/node.key' },
      { problem: 'database is locked', source: 'dbaas.sqlite' },
    ]
      .map(line => `${JSON.stringify(line)}\n`)
      .join(''),
  );
});

afterEach(() => rm(dir, { recursive: true, force: true }));

function writeLog(name: string, lines: string[]) {
  writeFileSync(join(dir, 'logs', name), `${lines.join('\n')}\n`);
}

async function writeDatabase(name: string, notes: string[]) {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'db', name) },
    useNullAsDefault: true,
  });
  await db.schema.createTable('dbaas_events', t => {
    t.increments('id');
    t.text('message');
  });
  await db('dbaas_events').insert(notes.map(message => ({ message })));
  await db.destroy();
}

const sweep = (minSecrets = 3) =>
  runSweep({
    dir,
    minSecrets,
    requireKinds: ['password', 'admin password', 'private key'],
  });

test('a clean run passes and says what it looked through', async () => {
  writeLog('backend-1.log', ['starting', 'instance created', 'stopping']);
  await writeDatabase('dbaas.sqlite', ['created', 'deleted']);

  const result = await sweep();

  expect(result.findings).toEqual([]);
  expect(result.failures).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.line).toMatch(
    /^secrets sweep: 3 secrets looked for in 1 logs \(0\.0 MB\) and 1 databases \(0\.0 MB\): 0 found$/,
  );
  expect(result.notes).toEqual([
    'could not collect secrets from dbaas.sqlite: database is locked',
  ]);
});

test('a secret planted in a log and in a SQLite table is found, with its place', async () => {
  const keyLine = pem.split('\n')[2];
  writeLog('backend-1.log', [
    'starting',
    'listening on :7007',
    `\u001b[32minfo\u001b[39m connecting to redis://app:${password}@localhost:6379`,
    `{"meta":{"key":"${keyLine}\\n..."}}`,
  ]);
  await writeDatabase('dbaas.sqlite', [
    'created',
    `auth header Basic ${Buffer.from(`admin:${admin}`).toString('base64')}`,
    `-----BEGIN PRIVATE KEY-----`,
  ]);

  const result = await sweep();

  expect(result.ok).toBe(false);
  expect(result.findings.map(describeFinding).sort()).toEqual([
    'PEM private key marker in db/dbaas.sqlite: table dbaas_events, column message, rowid 3',
    'admin password (plain, base64; recorded from dbaas_credentials) in db/dbaas.sqlite: table dbaas_events, column message, rowid 2',
    'password (plain; recorded from POST /users) in logs/backend-1.log:3',
    'private key (key line 2; recorded from tls/node.key) in logs/backend-1.log:4',
  ]);
  expect(result.line).toMatch(/: 4 found$/);
});

test('bytes no row holds any more still count, by offset', async () => {
  writeLog('backend-1.log', ['nothing here']);
  await writeDatabase('dbaas.sqlite', ['created']);
  // what a deleted row or a torn write leaves in the WAL
  writeFileSync(join(dir, 'db', 'dbaas.sqlite-wal'), `\0\0junk${password}\0`);

  const result = await sweep();

  expect(result.findings.map(describeFinding)).toEqual([
    'password (plain; recorded from POST /users) in db/dbaas.sqlite-wal at byte 6',
  ]);
});

test('too little to look for fails instead of passing', async () => {
  writeFileSync(join(dir, 'secrets-1.jsonl'), '');

  const result = await sweep(1);

  expect(result.ok).toBe(false);
  expect(result.failures).toEqual([
    'only 0 secrets were recorded, fewer than the 1 a meaningful sweep needs',
    'no password was recorded',
    'no admin password was recorded',
    'no private key was recorded',
    'no backend log was kept',
    'no database was kept',
  ]);
  expect(result.line).toBe(
    'secrets sweep: 0 secrets looked for in 0 logs (0.0 MB) and 0 databases (0.0 MB): 0 found',
  );
});
