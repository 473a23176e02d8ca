import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';
import { instanceFiles } from '../instanceFiles';
import { existingNodes, nodeNameOf, plannedNodes } from '../instanceNodes';
import { EngineBinary } from '../binaries';
import { renderReplicationLines, withReplicaOf } from './replicaConf';
import { keepSentinelId, renderSentinelConf } from './sentinelConf';
import { parseStringArray } from './sentinelQuery';
import { sentinelBinaryFor } from './sentinelBinary';

const ADMIN_LOGIN = { username: 'jm-admin', password: 'admin-pw' };
const ADMIN = {
  username: 'jm-admin',
  passwordHashes: [aclPasswordHash('admin-pw')],
  rules: '~* &* +@all',
};
const APP = {
  username: 'app',
  passwordHashes: [aclPasswordHash('app-pw')],
  rules: '~* &* +@all -@admin',
};
const files = instanceFiles('/data', 'abc');

describe('instance nodes', () => {
  it('plans a primary, the replicas and three Sentinels; node-0 keeps the standalone layout', () => {
    const nodes = plannedNodes(files, 2);
    expect(nodes.map(n => [n.name, n.kind, n.files.conf])).toEqual([
      ['node-0', 'data', '/data/abc/redis.conf'],
      ['node-1', 'data', '/data/abc/nodes/node-1/redis.conf'],
      ['node-2', 'data', '/data/abc/nodes/node-2/redis.conf'],
      ['sentinel-0', 'sentinel', '/data/abc/nodes/sentinel-0/sentinel.conf'],
      ['sentinel-1', 'sentinel', '/data/abc/nodes/sentinel-1/sentinel.conf'],
      ['sentinel-2', 'sentinel', '/data/abc/nodes/sentinel-2/sentinel.conf'],
    ]);
    // One spec.json for all: removing it stops every node's revival.
    expect(new Set(nodes.map(n => n.files.spec))).toEqual(
      new Set(['/data/abc/spec.json']),
    );
    expect(plannedNodes(files, 0).map(n => n.name)).toEqual(['node-0']);
  });

  it('reads node ids back, and nothing else', () => {
    expect(nodeNameOf('abc', 'abc-node-3')).toBe('node-3');
    expect(nodeNameOf('abc', 'abc-sentinel-1')).toBe('sentinel-1');
    expect(nodeNameOf('abc', 'abc-primary')).toBeUndefined();
    expect(nodeNameOf('abc', 'xyz-node-1')).toBeUndefined();
    expect(nodeNameOf('abc', 'abc-node-0/../x')).toBeUndefined();
  });

  it('finds only node-0 of an instance without a nodes folder', () => {
    expect(
      existingNodes(instanceFiles('/nonexistent', 'abc')).map(n => n.name),
    ).toEqual(['node-0']);
  });
});

describe('replication settings', () => {
  it('authenticates replicas as the admin user, announces their address and points them at the primary', () => {
    expect(
      renderReplicationLines(
        ADMIN_LOGIN,
        { host: '127.0.77.2', port: 6379 },
        '127.0.77.3',
      ),
    ).toBe(
      [
        'masteruser jm-admin',
        'masterauth admin-pw',
        'replica-announce-ip 127.0.77.3',
        'repl-diskless-sync-delay 0',
        'replicaof 127.0.77.2 6379',
        '',
      ].join('\n'),
    );
    expect(
      renderReplicationLines(ADMIN_LOGIN, undefined, '127.0.77.2'),
    ).not.toContain('replicaof');
  });

  it('repoints a config file at another primary, keeping everything else', () => {
    const conf = 'port 1\nslaveof 127.0.0.1 2\nmaxmemory 1mb\n';
    expect(withReplicaOf(conf, { host: '127.0.0.1', port: 3 })).toBe(
      'port 1\nmaxmemory 1mb\nreplicaof 127.0.0.1 3\n',
    );
    expect(withReplicaOf(conf, undefined)).toBe('port 1\nmaxmemory 1mb\n');
  });
});

describe('sentinel.conf', () => {
  const target = {
    files: plannedNodes(files, 1)[2].files,
    bindAddress: '127.0.0.1',
    announceHost: '127.0.0.1',
    port: 18010,
    masterName: 'orders',
    primary: { host: '127.0.0.1', port: 18001 },
    users: [ADMIN, APP],
    admin: ADMIN_LOGIN,
    downAfterMs: 1000,
    failoverTimeoutMs: 5000,
  };

  it('monitors the primary with a quorum of 2, as the admin user; users keep only hashes', () => {
    const conf = renderSentinelConf(target);
    expect(conf).toContain('sentinel monitor orders 127.0.0.1 18001 2\n');
    expect(conf).toContain('sentinel auth-user orders jm-admin\n');
    expect(conf).toContain('sentinel announce-ip 127.0.0.1\n');
    expect(conf).toContain('sentinel down-after-milliseconds orders 1000\n');
    expect(conf).toContain('sentinel failover-timeout orders 5000\n');
    expect(conf).toMatch(
      /^user app on #[0-9a-f]{64} resetchannels &\* -@all \+ping /m,
    );
    expect(conf).toMatch(/^user default on nopass resetchannels &\* -@all /m);
    expect(conf).not.toContain('app-pw');
  });

  it('keeps the id a Sentinel gave itself when written again', () => {
    const previous = `${renderSentinelConf(
      target,
    )}sentinel myid 0123abcd\nsentinel current-epoch 3\n`;
    const again = keepSentinelId(previous, renderSentinelConf(target));
    expect(again).toContain('sentinel myid 0123abcd\n');
    expect(again).not.toContain('current-epoch');
    expect(keepSentinelId(undefined, 'x\n')).toBe('x\n');
  });
});

describe('sentinel replies', () => {
  it('parses an address, a null and an error, and waits for a whole reply', () => {
    expect(
      parseStringArray('*2\r\n$9\r\n127.0.0.1\r\n$5\r\n18001\r\n'),
    ).toEqual({
      value: ['127.0.0.1', '18001'],
    });
    expect(parseStringArray('*-1\r\n')).toEqual({ value: null });
    expect(parseStringArray('-NOPERM no\r\n')).toEqual({ error: 'NOPERM no' });
    expect(
      parseStringArray('*2\r\n$9\r\n127.0.0.1\r\n$5\r\n180'),
    ).toBeUndefined();
  });
});

describe('the Sentinels binary', () => {
  const binary = (
    engine: 'redis' | 'valkey',
    version: string,
  ): EngineBinary => ({
    engine,
    version,
    path: `/bin/${engine}-${version}`,
  });
  const all = [
    binary('redis', '6.0.16+deb11u2'),
    binary('redis', '7.0.15+deb12u7'),
    binary('redis', '7.0.15+deb12u10'),
    binary('valkey', '8.0.1'),
  ];

  it("is the instance's own when it can log in as a user", () => {
    expect(sentinelBinaryFor(all, all[1])).toBe(all[1]);
    expect(sentinelBinaryFor(all, all[3])).toBe(all[3]);
  });

  it('is the newest Redis that can, for Redis 6.0', () => {
    expect(sentinelBinaryFor(all, all[0])).toBe(all[2]);
    expect(() => sentinelBinaryFor([all[0]], all[0])).toThrow(/6\.2 or later/);
  });
});
