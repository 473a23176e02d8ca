import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { join } from 'node:path';
import { readLocalDriverSettings } from './config';

const read = (local?: object) =>
  readLocalDriverSettings(
    new ConfigReader(local ? { dbaas: { drivers: { local } } } : {}),
  );

describe('readLocalDriverSettings', () => {
  it('runs with no configuration at all', () => {
    expect(read()).toEqual({
      dataDir: join(process.cwd(), 'var', 'dbaas', 'local'),
      addressing: 'ports',
      loopback: { network: '127.0.77.0/24', port: 6379 },
      bindAddress: '127.0.0.1',
      advertisedHost: '127.0.0.1',
      portRange: { start: 16400, end: 16999 },
      regions: ['local'],
      binaryPaths: [],
      engineDirs: ['/opt/justmanage/engines'],
      limits: {
        memoryMb: { min: 16, max: 4096 },
        cpu: { min: 0.1, max: 2 },
        diskGb: { min: 1, max: 20 },
      },
      supervisor: { intervalMs: 1000, maxBackoffMs: 30000 },
      sentinel: { downAfterMs: 5000, failoverTimeoutMs: 30000 },
    });
  });

  it('reads every key', () => {
    expect(
      read({
        dataDir: '/srv/dbaas',
        bindAddress: '0.0.0.0',
        advertisedHost: 'db.example.com',
        portRange: { start: 20000, end: 20099 },
        regions: ['eu', 'us'],
        binaries: [{ path: '/opt/redis-6/bin/redis-server' }],
        engineDirs: ['/srv/engines', 'relative/engines'],
        limits: { memoryMb: { min: 32, max: 512 } },
        supervisor: { intervalMs: 250, maxBackoffMs: 8000 },
      }),
    ).toMatchObject({
      dataDir: '/srv/dbaas',
      bindAddress: '0.0.0.0',
      advertisedHost: 'db.example.com',
      portRange: { start: 20000, end: 20099 },
      regions: ['eu', 'us'],
      binaryPaths: ['/opt/redis-6/bin/redis-server'],
      engineDirs: ['/srv/engines', join(process.cwd(), 'relative/engines')],
      limits: { memoryMb: { min: 32, max: 512 }, cpu: { min: 0.1, max: 2 } },
      supervisor: { intervalMs: 250, maxBackoffMs: 8000 },
    });
  });

  it.each([
    [{ portRange: { start: 100, end: 200 } }],
    [{ portRange: { start: 17000, end: 16000 } }],
    [{ limits: { cpu: { min: 4, max: 1 } } }],
    [{ supervisor: { intervalMs: 0 } }],
    [{ sentinel: { downAfterMs: 10 } }],
  ])('refuses %j', local => {
    expect(() => read(local)).toThrow(InputError);
  });
});
