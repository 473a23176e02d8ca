import {
  isFinalDriverError,
  PlatformRejectedError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { NomadClient } from './NomadClient';

/** What the canned server saw of one request. */
interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

type Reply = { status: number; body: string; index?: number; type?: string };

/**
 * A server that answers from a queue, the way the agent would, so the
 * client's HTTP handling is checked without the test agent.
 */
async function cannedServer() {
  const seen: Seen[] = [];
  const replies: Reply[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: new URL(req.url!, 'http://x'),
        headers: req.headers,
        body,
      });
      const reply = replies.shift() ?? { status: 200, body: '{}' };
      res.writeHead(reply.status, {
        'Content-Type': reply.type ?? 'application/json',
        ...(reply.index ? { 'X-Nomad-Index': String(reply.index) } : {}),
      });
      res.end(reply.body);
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    seen,
    reply: (r: Reply) => replies.push(r),
    close: () => new Promise<void>(r => server.close(() => r())),
  };
}

describe('NomadClient', () => {
  let server: Awaited<ReturnType<typeof cannedServer>>;
  let client: NomadClient;

  beforeEach(async () => {
    server = await cannedServer();
    client = NomadClient.create({
      address: `${server.address}/`,
      token: 'secret-token',
      namespace: 'redis',
      region: 'eu',
    });
  });
  afterEach(() => server.close());

  it('sends the token, namespace and region, and reads X-Nomad-Index', async () => {
    server.reply({ status: 200, body: '{"ID":"jm-a"}', index: 42 });
    const read = await client.readJob('jm-a');
    expect(read).toEqual({ value: { ID: 'jm-a' }, index: 42 });
    const [req] = server.seen;
    expect(req.url.pathname).toBe('/v1/job/jm-a');
    expect(req.url.searchParams.get('namespace')).toBe('redis');
    expect(req.url.searchParams.get('region')).toBe('eu');
    expect(req.headers['x-nomad-token']).toBe('secret-token');
  });

  it('turns a blocking query into index and wait parameters', async () => {
    server.reply({ status: 200, body: '[]', index: 8 });
    await client.jobAllocations('jm-a', { index: 7, waitMs: 1500 });
    const [req] = server.seen;
    expect(req.url.searchParams.get('index')).toBe('7');
    expect(req.url.searchParams.get('wait')).toBe('1500ms');
  });

  it('registers with EnforceIndex and the expected JobModifyIndex', async () => {
    server.reply({
      status: 200,
      body: '{"EvalID":"e","EvalCreateIndex":3,"JobModifyIndex":3}',
    });
    await client.registerJob(
      { ID: 'jm-a', Datacenters: ['dc1'], TaskGroups: [] },
      { enforceIndex: 0 },
    );
    const [req] = server.seen;
    expect(req.method).toBe('POST');
    expect(JSON.parse(req.body)).toMatchObject({
      EnforceIndex: true,
      JobModifyIndex: 0,
      Job: { ID: 'jm-a' },
    });
  });

  it('answers undefined for a job Nomad does not have', async () => {
    server.reply({ status: 404, body: 'job not found', type: 'text/plain' });
    expect(await client.readJob('jm-gone')).toBeUndefined();
  });

  it('maps text/plain refusals to errors that say whether to retry, in Nomad’s words', async () => {
    const cases: Array<[Reply, new (...a: any[]) => Error, boolean]> = [
      [{ status: 403, body: 'Permission denied' }, NotAllowedError, true],
      [
        { status: 400, body: 'Task group node-0 validation failed' },
        PlatformRejectedError,
        true,
      ],
      [
        { status: 500, body: 'No cluster leader' },
        PlatformUnavailableError,
        false,
      ],
      [
        {
          status: 500,
          body: 'Enforcing job modify index 3: job exists with conflicting job modify index: 5',
        },
        ConflictError,
        false,
      ],
      [{ status: 409, body: 'cas conflict' }, ConflictError, false],
    ];
    for (const [reply, type, final] of cases) {
      server.reply({ ...reply, type: 'text/plain' });
      const error = await client.jobVersions('jm-a').then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(type);
      expect(error!.message).toContain(reply.body);
      expect(error!.message).toContain(String(reply.status));
      expect(isFinalDriverError(error)).toBe(final);
    }
  });

  it('reports an agent that does not answer as unavailable', async () => {
    await server.close();
    const error = await client.listJobs('jm-').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(error!.message).toMatch(/ECONNREFUSED/);
    server = await cannedServer();
  });

  it("gives back the caller's abort reason rather than an unavailable platform", async () => {
    const controller = new AbortController();
    controller.abort(new Error('lease lost'));
    await expect(
      client.jobAllocations('jm-a', { index: 1, signal: controller.signal }),
    ).rejects.toThrow('lease lost');
  });

  it('keeps slashes of variable paths and sends cas', async () => {
    server.reply({
      status: 200,
      body: '{"Path":"nomad/jobs/jm-a","Items":{},"ModifyIndex":9}',
    });
    await client.putVariable('nomad/jobs/jm-a', { acl: 'x' }, { cas: 0 });
    const [req] = server.seen;
    expect(req.method).toBe('PUT');
    expect(req.url.pathname).toBe('/v1/var/nomad/jobs/jm-a');
    expect(req.url.searchParams.get('cas')).toBe('0');
    expect(JSON.parse(req.body)).toEqual({
      Namespace: 'redis',
      Path: 'nomad/jobs/jm-a',
      Items: { acl: 'x' },
    });
  });
});
