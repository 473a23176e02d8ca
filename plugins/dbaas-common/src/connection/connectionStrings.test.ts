import {
  environmentFile,
  environmentVariables,
  redisCliCommand,
  redisUrl,
  sentinelCliCommand,
} from './connectionStrings';
import { ConnectionTarget } from './types';

const standalone: ConnectionTarget = {
  host: '10.0.0.5',
  port: 16412,
  tls: false,
  username: 'app',
  password: 's3cret',
};
const replicated: ConnectionTarget = {
  ...standalone,
  sentinel: {
    masterName: 'orders',
    endpoints: [
      { host: '10.0.0.7', port: 16420 },
      { host: '10.0.0.8', port: 16421 },
    ],
  },
};

describe('redisUrl', () => {
  it('carries user and password, ready for redis-cli -u', () => {
    expect(redisUrl(standalone)).toBe('redis://app:s3cret@10.0.0.5:16412');
  });

  it('leaves the password out when the target has none', () => {
    expect(redisUrl({ ...standalone, password: undefined })).toBe(
      'redis://app@10.0.0.5:16412',
    );
    expect(redisUrl({ host: 'h', port: 1, tls: false })).toBe('redis://h:1');
  });

  it('escapes what a URL cannot hold and brackets IPv6 hosts', () => {
    expect(
      redisUrl({
        host: '::1',
        port: 7000,
        tls: false,
        username: 'a@b',
        password: 'p:w/@#?',
      }),
    ).toBe('redis://a%40b:p%3Aw%2F%40%23%3F@[::1]:7000');
  });

  it('uses rediss:// with TLS', () => {
    expect(redisUrl({ ...standalone, tls: true })).toBe(
      'rediss://app:s3cret@10.0.0.5:16412',
    );
  });
});

describe('redisCliCommand', () => {
  it('connects with the URL when the password is known', () => {
    expect(redisCliCommand(standalone)).toBe(
      'redis-cli -u redis://app:s3cret@10.0.0.5:16412',
    );
  });

  it('asks for the password when it is not known, so the line holds no secret', () => {
    expect(redisCliCommand({ ...standalone, password: undefined })).toBe(
      'redis-cli -h 10.0.0.5 -p 16412 --user app --askpass',
    );
  });

  it('adds --tls with TLS', () => {
    expect(redisCliCommand({ ...standalone, tls: true })).toBe(
      'redis-cli --tls -u rediss://app:s3cret@10.0.0.5:16412',
    );
    expect(
      redisCliCommand({ ...standalone, tls: true, password: undefined }),
    ).toBe('redis-cli --tls -h 10.0.0.5 -p 16412 --user app --askpass');
  });

  it("trusts the instance's CA from the file the target names, right after --tls", () => {
    const withCa = { ...standalone, tls: true, caFile: 'orders-cache-ca.pem' };
    expect(redisCliCommand(withCa)).toBe(
      'redis-cli --tls --cacert orders-cache-ca.pem -u rediss://app:s3cret@10.0.0.5:16412',
    );
    expect(redisCliCommand({ ...withCa, password: undefined })).toBe(
      'redis-cli --tls --cacert orders-cache-ca.pem -h 10.0.0.5 -p 16412 --user app --askpass',
    );
    expect(redisCliCommand({ ...withCa, caFile: 'my certs/ca.pem' })).toBe(
      "redis-cli --tls --cacert 'my certs/ca.pem' -u rediss://app:s3cret@10.0.0.5:16412",
    );
  });

  it('names no CA file without TLS: plain TCP has no certificate to check', () => {
    expect(
      redisCliCommand({ ...standalone, caFile: 'orders-cache-ca.pem' }),
    ).toBe('redis-cli -u redis://app:s3cret@10.0.0.5:16412');
  });

  it('quotes a URL the shell would otherwise split or expand', () => {
    expect(redisCliCommand({ ...standalone, password: "it's $HOME" })).toBe(
      `redis-cli -u 'redis://app:it'\\''s%20%24HOME@10.0.0.5:16412'`,
    );
  });
});

describe('sentinelCliCommand', () => {
  it('asks the first Sentinel where the primary is', () => {
    expect(sentinelCliCommand(replicated)).toBe(
      'redis-cli -u redis://app:s3cret@10.0.0.7:16420 SENTINEL GET-MASTER-ADDR-BY-NAME orders',
    );
    expect(
      sentinelCliCommand({ ...replicated, password: undefined, tls: true }),
    ).toBe(
      'redis-cli --tls -h 10.0.0.7 -p 16420 --user app --askpass SENTINEL GET-MASTER-ADDR-BY-NAME orders',
    );
  });

  it("asks a TLS Sentinel trusting the instance's CA", () => {
    expect(
      sentinelCliCommand({
        ...replicated,
        password: undefined,
        tls: true,
        caFile: 'orders-ca.pem',
      }),
    ).toBe(
      'redis-cli --tls --cacert orders-ca.pem -h 10.0.0.7 -p 16420 --user app --askpass SENTINEL GET-MASTER-ADDR-BY-NAME orders',
    );
  });

  it('has nothing to ask for a standalone instance', () => {
    expect(sentinelCliCommand(standalone)).toBeUndefined();
  });
});

describe('environmentVariables', () => {
  it('gives URL, host, port, user and password', () => {
    expect(environmentVariables(standalone)).toEqual([
      { name: 'REDIS_URL', value: 'redis://app:s3cret@10.0.0.5:16412' },
      { name: 'REDIS_HOST', value: '10.0.0.5' },
      { name: 'REDIS_PORT', value: '16412' },
      { name: 'REDIS_USERNAME', value: 'app' },
      { name: 'REDIS_PASSWORD', value: 's3cret' },
    ]);
  });

  it('adds the Sentinels and the master name for a replicated instance', () => {
    expect(environmentVariables(replicated).slice(5)).toEqual([
      { name: 'REDIS_SENTINELS', value: '10.0.0.7:16420,10.0.0.8:16421' },
      { name: 'REDIS_SENTINEL_MASTER', value: 'orders' },
    ]);
  });

  it('never invents a password it does not have', () => {
    const names = environmentVariables({
      ...standalone,
      password: undefined,
    }).map(v => v.name);
    expect(names).not.toContain('REDIS_PASSWORD');
  });

  it('writes them as lines a shell can source', () => {
    expect(
      environmentFile({ ...standalone, password: 'a b' }).split('\n'),
    ).toEqual([
      'REDIS_URL=redis://app:a%20b@10.0.0.5:16412',
      'REDIS_HOST=10.0.0.5',
      'REDIS_PORT=16412',
      'REDIS_USERNAME=app',
      "REDIS_PASSWORD='a b'",
    ]);
  });
});
