import { indentedList, str } from './text';
import type { TrustingWriter } from './types';

const sentinelLines = (endpoints: Parameters<typeof indentedList>[0]) =>
  indentedList(
    endpoints,
    e => `{ host: ${str(e.host)}, port: ${e.port} }`,
    '    ',
  );

export const ioredis: TrustingWriter = {
  direct: t => `import { readFileSync } from 'node:fs';
import Redis from 'ioredis';

// REDIS_URL holds user and password; rediss:// turns on TLS. The
// instance's CA is in no trust store: trust the file you downloaded.
const redis = new Redis(process.env.REDIS_URL, {
  tls: { ca: readFileSync(${str(t.caFile)}) },
});
await redis.set('greeting', 'hello');`,
  sentinel: (t, s) => `import { readFileSync } from 'node:fs';
import Redis from 'ioredis';

// Asks the Sentinels for the primary and follows failovers, over TLS
// trusting the instance's CA for the Sentinels and the nodes alike
const ca = readFileSync(${str(t.caFile)});
const redis = new Redis({
  sentinels: [
${sentinelLines(s.endpoints)}
  ],
  name: ${str(s.masterName)},
  username: ${str(t.username)},
  password: process.env.REDIS_PASSWORD,
  sentinelUsername: ${str(t.username)},
  sentinelPassword: process.env.REDIS_PASSWORD,
  tls: { ca },
  sentinelTLS: { ca },
  enableTLSForSentinelMode: true,
});
await redis.set('greeting', 'hello');`,
};

export const nodeRedis: TrustingWriter = {
  direct: t => `import { readFileSync } from 'node:fs';
import { createClient } from 'redis';

// REDIS_URL holds user and password; rediss:// turns on TLS. The
// instance's CA is in no trust store: trust the file you downloaded.
const client = createClient({
  url: process.env.REDIS_URL,
  socket: { tls: true, ca: readFileSync(${str(t.caFile)}) },
});
client.on('error', err => console.error('Redis', err));
await client.connect();
await client.set('greeting', 'hello');`,
  sentinel: (t, s) => `import { readFileSync } from 'node:fs';
import { createSentinel } from 'redis'; // node-redis 5

// Asks the Sentinels for the primary and follows failovers, over TLS
// trusting the instance's CA for the Sentinels and the nodes alike
const options = {
  username: ${str(t.username)},
  password: process.env.REDIS_PASSWORD,
  socket: { tls: true, ca: readFileSync(${str(t.caFile)}) },
};
const client = createSentinel({
  name: ${str(s.masterName)},
  sentinelRootNodes: [
${sentinelLines(s.endpoints)}
  ],
  nodeClientOptions: options,
  sentinelClientOptions: options,
});
client.on('error', err => console.error('Redis', err));
await client.connect();
await client.set('greeting', 'hello');`,
};
