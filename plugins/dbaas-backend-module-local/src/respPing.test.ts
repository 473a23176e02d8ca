import { createServer, Server } from 'node:net';
import { respPing } from './respPing';

/** A server that answers any input with a fixed reply. */
async function replying(reply: string | undefined): Promise<Server> {
  const server = createServer(socket => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      if (reply !== undefined) socket.write(reply);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

describe('respPing', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.close();
    }
  });

  it.each([
    ['+PONG\r\n', 'serving'],
    ['-NOAUTH Authentication required.\r\n', 'serving'],
    ['-LOADING Redis is loading the dataset in memory\r\n', 'loading'],
    ['HTTP/1.1 400 Bad Request\r\n', 'unreachable'],
  ])('classifies %j as %s', async (reply, expected) => {
    const server = await replying(reply);
    servers.push(server);
    expect(await respPing('127.0.0.1', portOf(server))).toBe(expected);
  });

  it('gives up on a silent server after the timeout', async () => {
    const server = await replying(undefined);
    servers.push(server);
    const started = Date.now();
    expect(await respPing('127.0.0.1', portOf(server), 200)).toBe(
      'unreachable',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a closed port as unreachable', async () => {
    const server = await replying('+PONG\r\n');
    const port = portOf(server);
    await new Promise(resolve => server.close(resolve));
    expect(await respPing('127.0.0.1', port)).toBe('unreachable');
  });
});
