import { InputError } from '@backstage/errors';
import { instanceFiles } from './instanceFiles';
import { liveSettings, renderRedisConf } from './redisConf';
import { makeSpec } from './__testUtils__/localDriverTestKit';

const files = instanceFiles('/srv/dbaas data', 'i1');
const target = { files, bindAddress: '127.0.0.1', port: 17001 };

describe('renderRedisConf', () => {
  it('pins the process to its folder, port and ACL file', () => {
    const conf = renderRedisConf(makeSpec('i1'), target).split('\n');
    expect(conf).toEqual(
      expect.arrayContaining([
        'port 17001',
        'bind 127.0.0.1',
        'protected-mode yes',
        'daemonize no',
        'dir "/srv/dbaas data/i1/data"',
        'pidfile "/srv/dbaas data/i1/redis.pid"',
        'logfile "/srv/dbaas data/i1/redis.log"',
        'aclfile "/srv/dbaas data/i1/users.acl"',
        'maxmemory 32mb',
        'maxmemory-policy noeviction',
      ]),
    );
  });

  it.each([
    ['none', ['save ""', 'appendonly no']],
    ['rdb', ['save 3600 1', 'save 300 100', 'save 60 10000', 'appendonly no']],
    ['aof', ['appendonly yes', 'appendfsync everysec', 'save ""']],
  ] as const)('writes %s persistence', (persistence, expected) => {
    const conf = renderRedisConf(makeSpec('i1', { persistence }), target);
    const lines = conf.split('\n');
    expect(lines).toEqual(expect.arrayContaining([...expected]));
    expect(lines.filter(l => l.startsWith('appendonly '))).toHaveLength(1);
  });

  it('adds tunables, quoting values Redis would split', () => {
    const conf = renderRedisConf(
      makeSpec('i1', {
        config: { timeout: '300', 'notify-keyspace-events': '' },
      }),
      target,
    );
    expect(conf).toContain('\ntimeout 300\n');
    expect(conf).toContain('\nnotify-keyspace-events ""\n');
  });

  it.each(['dir', 'port', 'aclfile', 'include', 'rename-command', 'Bad Key'])(
    'refuses the managed or malformed setting %s',
    key => {
      expect(() =>
        renderRedisConf(makeSpec('i1', { config: { [key]: 'x' } }), target),
      ).toThrow(InputError);
    },
  );

  it('refuses values that would inject another line', () => {
    expect(() =>
      renderRedisConf(
        makeSpec('i1', { config: { timeout: '1\naclfile /etc/x' } }),
        target,
      ),
    ).toThrow(InputError);
  });
});

describe('liveSettings', () => {
  it('lists what CONFIG SET must apply, save as one value', () => {
    expect(
      liveSettings(
        makeSpec('i1', { persistence: 'rdb', config: { hz: '20' } }),
      ),
    ).toEqual([
      { key: 'maxmemory', value: '32mb' },
      { key: 'maxmemory-policy', value: 'noeviction' },
      { key: 'appendonly', value: 'no' },
      { key: 'save', value: '3600 1 300 100 60 10000' },
      { key: 'hz', value: '20' },
    ]);
  });
});
