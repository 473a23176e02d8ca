import { execFileSync } from 'node:child_process';
import {
  clientSnippet,
  ConnectionTarget,
  REDIS_CLIENT_LIBRARIES,
} from '@justmanage/plugin-dbaas-common';
import { clientSnippetFor } from './clientSnippetFor';

const PASSWORD = 'never-in-a-snippet';
const plain: ConnectionTarget = {
  host: '10.0.0.5',
  port: 16412,
  tls: false,
  username: 'app',
  password: PASSWORD,
};
const tls: ConnectionTarget = {
  ...plain,
  tls: true,
  caFile: 'orders-cache-ca.pem',
};
const sentinel = {
  masterName: 'orders-cache',
  endpoints: [
    { host: '10.0.0.7', port: 16420 },
    { host: '10.0.0.8', port: 16421 },
  ],
};
const LIBRARIES = REDIS_CLIENT_LIBRARIES.map(l => l.id);

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
    { input: code, stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** What each library's code must say to trust the CA file. */
const TRUSTS: Record<string, RegExp[]> = {
  ioredis: [/readFileSync\("orders-cache-ca\.pem"\)/, /tls: \{ ca/],
  'node-redis': [
    /socket: \{ tls: true, ca: readFileSync\("orders-cache-ca\.pem"\) \}/,
  ],
  'redis-py': [/ssl_ca_certs[=:"\s]+"orders-cache-ca\.pem"/],
  'go-redis': [/os\.ReadFile\("orders-cache-ca\.pem"\)/, /RootCAs/],
  jedis: [
    /new FileInputStream\("orders-cache-ca\.pem"\)/,
    /setEndpointIdentificationAlgorithm\("HTTPS"\)/,
  ],
  lettuce: [/trustManager\(new File\("orders-cache-ca\.pem"\)\)/],
};

describe('clientSnippetFor', () => {
  it.each(LIBRARIES)("without TLS, is dbaas-common's %s snippet", library => {
    expect(clientSnippetFor(library, plain)).toBe(
      clientSnippet(library, plain),
    );
    const replicated = { ...plain, sentinel };
    expect(clientSnippetFor(library, replicated)).toBe(
      clientSnippet(library, replicated),
    );
  });

  it.each(LIBRARIES)(
    'with TLS, %s trusts the CA file, directly and through Sentinels, and holds no password',
    library => {
      for (const target of [tls, { ...tls, sentinel }]) {
        const code = clientSnippetFor(library, target);
        for (const pattern of TRUSTS[library]) expect(code).toMatch(pattern);
        expect(code).not.toContain(PASSWORD);
      }
      expect(clientSnippetFor(library, { ...tls, sentinel })).toContain(
        '"orders-cache"',
      );
    },
  );

  it('with TLS, the Sentinel forms trust the CA for the Sentinels too', () => {
    const target = { ...tls, sentinel };
    expect(clientSnippetFor('ioredis', target)).toMatch(
      /sentinelTLS: \{ ca \},\n\s+enableTLSForSentinelMode: true/,
    );
    expect(clientSnippetFor('node-redis', target)).toMatch(
      /sentinelClientOptions: options/,
    );
    expect(clientSnippetFor('redis-py', target)).toMatch(
      /sentinel_kwargs=auth/,
    );
    expect(clientSnippetFor('go-redis', target)).toMatch(
      /TLSConfig: &tls\.Config\{RootCAs: roots\}/,
    );
    expect(clientSnippetFor('jedis', target)).toMatch(
      /new JedisSentineled\("orders-cache", config, sentinels, config\)/,
    );
  });

  it("with TLS but no CA file (the CA not given), is dbaas-common's", () => {
    const noCa = { ...tls, caFile: undefined };
    expect(clientSnippetFor('ioredis', noCa)).toBe(
      clientSnippet('ioredis', noCa),
    );
  });

  it.each(['ioredis', 'node-redis'] as const)(
    'with TLS, the %s code is a JavaScript module',
    library => {
      expect(() =>
        javascriptParses(clientSnippetFor(library, tls)),
      ).not.toThrow();
      expect(() =>
        javascriptParses(clientSnippetFor(library, { ...tls, sentinel })),
      ).not.toThrow();
    },
  );

  it('with TLS, the redis-py code is Python', () => {
    expect(() => pythonParses(clientSnippetFor('redis-py', tls))).not.toThrow();
    expect(() =>
      pythonParses(clientSnippetFor('redis-py', { ...tls, sentinel })),
    ).not.toThrow();
  });
});
