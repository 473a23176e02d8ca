/*
 * Acceptance (issue 20): an AI agent acts through Backstage itself. An MCP
 * client (the official TypeScript SDK) against the example backend lists
 * the dbaas actions, creates an instance through them as team-a's guest,
 * connects to the Redis with the credentials the action returns, is
 * refused as another team's user, and deletes it, leaving nothing behind.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  BackendProcess,
  DbaasApiClient,
  backendConfig,
  dbaasApi,
  dropDatabases,
  findInstance,
  guestToken,
  makeTempDir,
  POSTGRES_URL,
  redisProcesses,
  redisSetGet,
  removeDir,
  uniqueDatabasePrefix,
} from './harness';

jest.setTimeout(600_000);

/** Where the MCP actions backend serves its default server. */
function mcpUrl(baseUrl: string): URL {
  return new URL(`${baseUrl}/api/mcp-actions/v1`);
}

/**
 * An MCP client of the backend, as an AI agent's would be: the official
 * TypeScript SDK over Streamable HTTP, sending a Backstage token as Bearer.
 * Without a token it is refused before the MCP handshake.
 */
async function connectMcp(baseUrl: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'justmanage-tests', version: '0.0.0' });
  const transport = new StreamableHTTPClientTransport(mcpUrl(baseUrl), {
    requestInit: token
      ? { headers: { Authorization: `Bearer ${token}` } }
      : undefined,
  });
  await client.connect(transport);
  return client;
}

/** What a tool call answered: its structured output, or the error it reported. */
type ToolAnswer = { ok: true; output: any } | { ok: false; error: string };

/**
 * Calls a tool. The MCP actions backend reports an action's refusal (403,
 * 400, 404) as a tool result with `isError` and the error's name and
 * message as text, as agents see it.
 */
async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as Array<{ type: string; text?: string }>)
    .map(c => c.text ?? '')
    .join('\n');
  return result.isError
    ? { ok: false, error: text }
    : { ok: true, output: result.structuredContent };
}

const TEAM_A_PORT = 7160;
const TEAM_B_PORT = 7161;
const INSTANCE_PORTS = { start: 19230, end: 19239 };
const NAME = 'agent-cache';

/*
 * The guest provider signs in one fixed user per backend, so two replicas
 * of the example backend on one PostgreSQL give two users of one product:
 * the guest of team-a, and bob of team-b, who may read team-a's instances
 * but not change them or read their credentials.
 */
const TEAM_A_GUEST = {
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest', 'group:default/team-a'],
};
const TEAM_B_GUEST = {
  userEntityRef: 'user:default/bob',
  ownershipEntityRefs: ['user:default/bob', 'group:default/team-b'],
};

const prefix = uniqueDatabasePrefix();
let work: string;
let dataDir: string;
const backends: BackendProcess[] = [];
let teamA: Client;
let teamB: Client;
let teamAApi: DbaasApiClient;
let instanceId: string;

/** Waits for an operation through the get-operation action. */
async function finished(operationId: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await callTool(teamA, 'dbaas.get-operation', {
      operationId,
      waitSeconds: 20,
    });
    if (!answer.ok) throw new Error(answer.error);
    const { status } = answer.output;
    if (status === 'succeeded' || status === 'failed') return answer.output;
    if (Date.now() > deadline) {
      throw new Error(`Operation ${operationId} still ${status}`);
    }
  }
}

beforeAll(async () => {
  work = await makeTempDir('dbaas-mcp-actions-');
  dataDir = join(work, 'instances');
  const config = backendConfig({
    database: { postgresUrl: POSTGRES_URL, prefix },
    dataDir,
    portRange: INSTANCE_PORTS,
  });
  // One after the other: the first migrates the shared databases.
  for (const [name, port, guest] of [
    ['team-a', TEAM_A_PORT, TEAM_A_GUEST],
    ['team-b', TEAM_B_PORT, TEAM_B_GUEST],
  ] as const) {
    backends.push(
      await BackendProcess.start({
        name,
        workDir: work,
        port,
        config: { ...config, auth: { providers: { guest } } },
      }),
    );
  }
  const [a, b] = backends;
  const tokenA = await guestToken(a.baseUrl);
  teamA = await connectMcp(a.baseUrl, tokenA);
  teamB = await connectMcp(b.baseUrl, await guestToken(b.baseUrl));
  teamAApi = dbaasApi(a.baseUrl, tokenA);
});

afterAll(async () => {
  await teamA?.close();
  await teamB?.close();
  for (const backend of backends) await backend.kill9();
  if (!work) return;
  // Whatever a failed run left behind: servers under this test's data dir.
  for (const pids of (await redisProcesses(dataDir)).values()) {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  await dropDatabases(prefix);
  await removeDir(work);
});

test('an MCP client without a Backstage token is refused', async () => {
  await expect(connectMcp(backends[0].baseUrl)).rejects.toThrow(/401/);
});

test('lists the dbaas actions as MCP tools, with their hints', async () => {
  const { tools } = await teamA.listTools();
  const byName = new Map(tools.map(t => [t.name, t]));
  expect([...byName.keys()].sort()).toEqual([
    'dbaas.create-instance',
    'dbaas.delete-instance',
    'dbaas.get-connection-details',
    'dbaas.get-instance',
    'dbaas.get-operation',
    'dbaas.get-upgrade-plan',
    'dbaas.list-instances',
    'dbaas.preview-upgrade',
    'dbaas.resize-instance',
    'dbaas.set-replicas',
    'dbaas.set-upgrade-policy',
    'dbaas.upgrade-instance',
  ]);
  expect(byName.get('dbaas.delete-instance')!.annotations).toMatchObject({
    destructiveHint: true,
    readOnlyHint: false,
  });
  expect(byName.get('dbaas.list-instances')!.annotations).toMatchObject({
    destructiveHint: false,
    readOnlyHint: true,
  });
  expect(byName.get('dbaas.create-instance')!.inputSchema.required).toEqual(
    expect.arrayContaining(['name', 'owner', 'engine', 'version', 'resources']),
  );
});

test('creates an instance as team-a and connects with the credentials the action returns', async () => {
  const created = await callTool(teamA, 'dbaas.create-instance', {
    name: NAME,
    owner: 'group:default/team-a',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'none',
  });
  if (!created.ok) throw new Error(created.error);
  instanceId = created.output.instance.id;
  expect(created.output.instance.createdBy).toBe('user:default/guest');
  expect((await finished(created.output.operation.id)).status).toBe(
    'succeeded',
  );

  const got = await callTool(teamA, 'dbaas.get-instance', { instance: NAME });
  expect(got).toMatchObject({
    ok: true,
    output: { instance: { id: instanceId, status: 'running' } },
  });

  const details = await callTool(teamA, 'dbaas.get-connection-details', {
    instance: NAME,
  });
  if (!details.ok) throw new Error(details.error);
  const { host, port, username, password } = details.output;
  // Its own port from the test's range, never a shared Redis.
  expect(port).toBeGreaterThanOrEqual(INSTANCE_PORTS.start);
  expect(port).toBeLessThanOrEqual(INSTANCE_PORTS.end);
  expect(password).toEqual(expect.any(String));
  expect(
    await redisSetGet(
      { host, port, username, password, tls: false, url: '' },
      'written-by',
      'an agent over MCP',
    ),
  ).toBe('an agent over MCP');

  // The read is in the audit log as the REST route's event, naming the user
  // behind the agent; the password is nowhere in the backend's output.
  const audit = await backends[0].waitForLine(
    /dbaas\.instance-credentials-read .*status="succeeded"/,
    10_000,
  );
  expect(audit).toContain(`"instanceId":"${instanceId}"`);
  expect(audit).toContain('"actor":"user:default/guest"');
  expect(backends[0].lines.join('\n')).not.toContain(password);
});

test("refuses another team's user the credentials and the deletion", async () => {
  // bob sees the instance: everyone may read.
  const seen = await callTool(teamB, 'dbaas.list-instances', {
    owner: 'team-a',
  });
  expect(seen).toMatchObject({ ok: true, output: { items: [{ name: NAME }] } });

  const credentials = await callTool(teamB, 'dbaas.get-connection-details', {
    instance: NAME,
  });
  expect(credentials).toEqual({
    ok: false,
    error: expect.stringMatching(
      /^NotAllowedError: .*dbaas\.instance\.credentials\.read/,
    ),
  });
  expect(JSON.stringify(credentials)).not.toMatch(/password/i);
  const audit = await backends[1].waitForLine(
    /dbaas\.instance-credentials-read .*status="failed"/,
    10_000,
  );
  expect(audit).toContain('"actor":"user:default/bob"');

  const deletion = await callTool(teamB, 'dbaas.delete-instance', {
    instance: NAME,
  });
  expect(deletion).toEqual({
    ok: false,
    error: expect.stringMatching(/^NotAllowedError: /),
  });
  expect((await teamAApi.getInstance(instanceId)).status).toBe('running');
});

test('deletes the instance through the action and leaves nothing behind', async () => {
  expect((await redisProcesses(dataDir)).get(instanceId)).toHaveLength(1);
  const deleted = await callTool(teamA, 'dbaas.delete-instance', {
    instance: instanceId,
  });
  if (!deleted.ok) throw new Error(deleted.error);
  expect((await finished(deleted.output.operation.id)).status).toBe(
    'succeeded',
  );
  expect(await findInstance(teamAApi, instanceId)).toBeUndefined();
  expect((await redisProcesses(dataDir)).get(instanceId)).toBeUndefined();
  const listed = await callTool(teamA, 'dbaas.list-instances', {});
  expect(listed).toEqual({ ok: true, output: { items: [] } });
});
