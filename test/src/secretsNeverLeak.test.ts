/*
 * Acceptance (issue 16): no password appears in the backend's log or in its
 * database in plain text. A real backend process on a SQLite file makes a
 * replicated instance, reveals its connection, adds a user, rotates the app
 * password, reveals the user's connection and revokes it; then every
 * secret it handed out, and the control plane's own password (read from
 * the one file Redis needs it in), is looked for in every line the backend
 * wrote and in every byte of its database files. An instance with TLS adds
 * node private keys (before and after a certificate rotation) and the CA's.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BackendProcess,
  backendConfig,
  createRequest,
  DbaasApiClient,
  guestApi,
  makeTempDir,
  removeDir,
  waitForOperation,
} from './harness';

jest.setTimeout(300_000);

let work: string;
let backend: BackendProcess;
let api: DbaasApiClient;

beforeAll(async () => {
  work = await makeTempDir('dbaas-secrets-');
  backend = await BackendProcess.start({
    name: 'secrets-never-leak',
    workDir: work,
    port: 7121,
    config: backendConfig({
      database: { sqliteDirectory: join(work, 'sqlite') },
      dataDir: join(work, 'instances'),
      portRange: { start: 17900, end: 17919 },
    }),
  });
  api = await guestApi(backend.baseUrl);
});

afterAll(async () => {
  await backend?.stop();
  if (work) await removeDir(work);
});

async function succeeded(operationId: string) {
  const done = await waitForOperation(api, operationId);
  expect({ status: done.status, error: done.error }).toEqual({
    status: 'succeeded',
    error: undefined,
  });
}

/** Every file under `folder`, as bytes. */
async function filesUnder(folder: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(await readFile(path));
  }
  return found;
}

test('no secret reaches the log or the database in plain text', async () => {
  const created = await api.createInstance({
    body: createRequest('secrets', { replicas: 1 }),
  });
  const id = created.instance.id;
  await succeeded(created.operation.id);
  const secrets = new Map<string, string>();
  secrets.set('app password', (await api.getConnection(id)).password);

  const user = await api.createAclUser(id, {
    body: { username: 'reader', preset: 'read-only' },
  });
  secrets.set('reader password', user.password);
  await succeeded(user.operation.id);

  const rotated = await api.rotateAclUserPassword(id, 'app', {
    body: { graceSeconds: 0 },
  });
  secrets.set('rotated app password', rotated.password);
  await succeeded(rotated.operation.id);
  expect((await api.getAclUserConnection(id, 'reader')).password).toBe(
    user.password,
  );
  const revoked = await api.deleteAclUser(id, 'reader');
  await succeeded(revoked.operation.id);

  // Replicas log in to the primary as the control plane's user, so its
  // password is in plain text in each data node's redis.conf, and only there.
  const conf = await readFile(
    join(work, 'instances', id, 'redis.conf'),
    'utf8',
  );
  const admin = /^masterauth "?([^"\s]+)"?$/m.exec(conf)?.[1];
  expect(admin).toEqual(expect.any(String));
  secrets.set('admin password', admin!);

  // TLS: the instance's CA key is kept by the control plane (encrypted),
  // node keys by the nodes; a rotation issues new ones.
  const tlsCreated = await api.createInstance({
    body: createRequest('secrets-tls', { tls: 'required' }),
  });
  const tlsId = tlsCreated.instance.id;
  await succeeded(tlsCreated.operation.id);
  const nodeKey = () =>
    readFile(join(work, 'instances', tlsId, 'tls', 'node.key'), 'utf8');
  const firstKey = await nodeKey();
  const rotation = await api.rotateInstanceCertificates(tlsId);
  await succeeded(rotation.operation.id);
  const secondKey = await nodeKey();
  expect(secondKey).not.toBe(firstKey);
  // The base64 body of each key, which no reformatting of the PEM hides.
  for (const [what, pem] of [
    ['first node key', firstKey],
    ['rotated node key', secondKey],
  ]) {
    secrets.set(what, pem.replace(/-----[A-Z ]+-----|\s/g, ''));
  }

  for (const doomed of [id, tlsId]) {
    const deleted = await api.deleteInstance(doomed);
    await succeeded(deleted.operation.id);
  }
  await backend.stop();

  const log = backend.lines.join('\n');
  expect(log.length).toBeGreaterThan(1000);
  const database = await filesUnder(join(work, 'sqlite'));
  expect(database.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const [what, secret] of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(16);
    if (log.includes(secret)) leaks.push(`${what} in the log`);
    if (database.some(file => file.includes(secret))) {
      leaks.push(`${what} in the database`);
    }
  }
  // No private key in PEM form at all, the CA's included.
  if (log.includes('PRIVATE KEY')) leaks.push('a private key in the log');
  if (database.some(file => file.includes('PRIVATE KEY'))) {
    leaks.push('a private key in the database');
  }
  expect(leaks).toEqual([]);
});
