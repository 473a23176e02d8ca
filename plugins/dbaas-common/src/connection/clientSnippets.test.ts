import { execFileSync } from 'node:child_process';
import {
  clientSnippet,
  REDIS_CLIENT_LIBRARIES,
  RedisClientLibrary,
} from './clientSnippets';
import { ConnectionTarget } from './types';

const PASSWORD = 'never-in-a-snippet';
const standalone: ConnectionTarget = {
  host: '10.0.0.5',
  port: 16412,
  tls: false,
  username: 'app',
  password: PASSWORD,
};
const replicated: ConnectionTarget = {
  ...standalone,
  sentinel: {
    masterName: 'orders',
    endpoints: [
      { host: '10.0.0.7', port: 16420 },
      { host: '10.0.0.8', port: 16421 },
      { host: '10.0.0.9', port: 16422 },
    ],
  },
};
const LIBRARIES = REDIS_CLIENT_LIBRARIES.map(l => l.id);

/** Throws unless Node reads `code` as a JavaScript module. */
function javascriptParses(code: string): void {
  execFileSync(process.execPath, ['--input-type=module', '--check'], {
    input: code,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function pythonParses(code: string): void {
  execFileSync(
    'python3',
    ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'],
    {
      input: code,
    },
  );
}

describe('clientSnippet', () => {
  it('offers the six libraries', () => {
    expect(LIBRARIES).toEqual([
      'ioredis',
      'node-redis',
      'redis-py',
      'go-redis',
      'jedis',
      'lettuce',
    ]);
  });

  it.each(LIBRARIES)(
    '%s: a standalone instance is reached through REDIS_URL, without the password in the code',
    library => {
      const code = clientSnippet(library, standalone);
      expect(code).toMatch(/REDIS_URL/);
      expect(code).not.toContain(PASSWORD);
      expect(code).toMatch(/rediss:\/\/ turns on TLS/);
    },
  );

  it.each(LIBRARIES)(
    '%s: a replicated instance is reached through every Sentinel and the master name',
    library => {
      const code = clientSnippet(library, replicated);
      expect(code).toContain('"orders"');
      // each Sentinel's host with its own port
      for (const [host, port] of [
        ['10\\.0\\.0\\.7', 16420],
        ['10\\.0\\.0\\.8', 16421],
        ['10\\.0\\.0\\.9', 16422],
      ]) {
        expect(code).toMatch(new RegExp(`${host}"?[^\\n\\d]{1,9}${port}\\b`));
      }
      expect(code).toContain('REDIS_PASSWORD');
      expect(code).toContain('"app"');
      expect(code).not.toContain(PASSWORD);
      expect(code).not.toContain('REDIS_URL');
    },
  );

  const tlsOption: Record<RedisClientLibrary, RegExp> = {
    ioredis: /enableTLSForSentinelMode: true/,
    'node-redis': /socket: \{ tls: true \}/,
    'redis-py': /"ssl": True/,
    'go-redis': /TLSConfig: &tls\.Config\{\}/,
    jedis: /\.ssl\(true\)/,
    lettuce: /\.withSsl\(true\)/,
  };
  it.each(LIBRARIES)(
    '%s: Sentinel with TLS turns TLS on, and only then',
    library => {
      expect(clientSnippet(library, { ...replicated, tls: true })).toMatch(
        tlsOption[library],
      );
      expect(clientSnippet(library, replicated)).not.toMatch(
        tlsOption[library],
      );
    },
  );

  it.each(['ioredis', 'node-redis'] as const)(
    '%s: both forms are valid JavaScript',
    library => {
      for (const target of [
        standalone,
        replicated,
        { ...replicated, tls: true },
      ]) {
        expect(() =>
          javascriptParses(clientSnippet(library, target)),
        ).not.toThrow();
      }
    },
  );

  it('redis-py: both forms are valid Python', () => {
    for (const target of [
      standalone,
      replicated,
      { ...replicated, tls: true },
    ]) {
      expect(() =>
        pythonParses(clientSnippet('redis-py', target)),
      ).not.toThrow();
    }
  });

  it('writes the ioredis Sentinel form in full', () => {
    expect(clientSnippet('ioredis', replicated))
      .toBe(`import Redis from 'ioredis';

// Asks the Sentinels for the primary and follows failovers
const redis = new Redis({
  sentinels: [
    { host: "10.0.0.7", port: 16420 },
    { host: "10.0.0.8", port: 16421 },
    { host: "10.0.0.9", port: 16422 },
  ],
  name: "orders",
  username: "app",
  password: process.env.REDIS_PASSWORD,
  sentinelUsername: "app",
  sentinelPassword: process.env.REDIS_PASSWORD,
});
await redis.set('greeting', 'hello');`);
  });
});
