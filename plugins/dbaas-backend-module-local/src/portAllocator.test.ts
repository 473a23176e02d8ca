import { PlatformRejectedError } from '@justmanage/plugin-dbaas-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPortBindable, PortAllocator } from './portAllocator';

// Ports of this file only; the driver's integration tests use 17100..17139.
const START = 17140;
const END = 17199;

describe('PortAllocator', () => {
  let folder: string;

  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'jm-ports-')), 'ports');
  });

  afterEach(async () => {
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  const allocator = (start = START, end = END) =>
    new PortAllocator({ folder, host: '127.0.0.1', start, end });

  it('never hands one port to two owners across allocators sharing a folder', async () => {
    // Two allocators stand for two backends on one host and data dir.
    const [a, b] = [allocator(), allocator()];
    const owners = Array.from({ length: 50 }, (_, i) => `instance-${i}`);
    const ports = await Promise.all(
      owners.map((owner, i) => (i % 2 ? a : b).claim(owner)),
    );

    expect(new Set(ports).size).toBe(50);
    for (const [i, port] of ports.entries()) {
      expect(port).toBeGreaterThanOrEqual(START);
      expect(port).toBeLessThanOrEqual(END);
      expect(await readFile(join(folder, String(port)), 'utf8')).toBe(
        owners[i],
      );
    }
  });

  it('skips a port something else listens on', async () => {
    const server: Server = createServer();
    await new Promise<void>(resolve =>
      server.listen(START, '127.0.0.1', resolve),
    );
    try {
      expect(await isPortBindable('127.0.0.1', START)).toBe(false);
      const two = allocator(START, START + 1);
      expect(await two.claim('x')).toBe(START + 1);
      // The busy port was not left claimed.
      expect(two.owner(START)).toBeUndefined();
      await expect(two.claim('y')).rejects.toThrow(PlatformRejectedError);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });

  it('releases a port only for its owner', async () => {
    const ports = allocator(START, START);
    const port = await ports.claim('owner');
    ports.release(port, 'someone-else');
    expect(ports.owner(port)).toBe('owner');
    expect(ports.ensureClaim(port, 'someone-else')).toBe(false);
    expect(ports.ensureClaim(port, 'owner')).toBe(true);

    ports.release(port, 'owner');
    expect(ports.owner(port)).toBeUndefined();
    expect(await ports.claim('next')).toBe(port);
  });

  it('frees every port of an owner at once, including forgotten ones', async () => {
    const ports = allocator(START, START + 2);
    const first = await ports.claim('leaky');
    const second = await ports.claim('leaky');
    const other = await ports.claim('neighbour');
    await ports.releaseAll('leaky');
    expect(ports.owner(first)).toBeUndefined();
    expect(ports.owner(second)).toBeUndefined();
    expect(ports.owner(other)).toBe('neighbour');
  });

  it('never hands out 6379, even inside the range', async () => {
    const ports = allocator(6379, 6379);
    await expect(ports.claim('x')).rejects.toThrow(PlatformRejectedError);
  });
});
