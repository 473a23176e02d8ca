import { sentinelList } from './connectionStrings';
import { ConnectionTarget, SentinelAddress } from './types';

/**
 * The client libraries a snippet is written for.
 * @public
 */
export type RedisClientLibrary =
  | 'ioredis'
  | 'node-redis'
  | 'redis-py'
  | 'go-redis'
  | 'jedis'
  | 'lettuce';

/**
 * Every library with its display name and language, in the order to offer
 * them.
 * @public
 */
export const REDIS_CLIENT_LIBRARIES: ReadonlyArray<{
  id: RedisClientLibrary;
  title: string;
  language: string;
}> = [
  { id: 'ioredis', title: 'Node.js: ioredis', language: 'javascript' },
  { id: 'node-redis', title: 'Node.js: node-redis', language: 'javascript' },
  { id: 'redis-py', title: 'Python: redis-py', language: 'python' },
  { id: 'go-redis', title: 'Go: go-redis', language: 'go' },
  { id: 'jedis', title: 'Java: Jedis', language: 'java' },
  { id: 'lettuce', title: 'Java: Lettuce', language: 'java' },
];

type Sentinel = NonNullable<ConnectionTarget['sentinel']>;

/** A string literal that JavaScript, Python, Go and Java all read alike. */
const str = (value: string) => JSON.stringify(value);

interface Writer {
  /** Standalone: everything from REDIS_URL. */
  direct(target: ConnectionTarget): string;
  /** Replicated: the Sentinels, the password from REDIS_PASSWORD. */
  sentinel(target: ConnectionTarget, sentinel: Sentinel): string;
}

const indentedList = (
  endpoints: SentinelAddress[],
  item: (e: SentinelAddress) => string,
  indent: string,
) => endpoints.map(e => `${indent}${item(e)},`).join('\n');

const WRITERS: Record<RedisClientLibrary, Writer> = {
  ioredis: {
    direct: () => `import Redis from 'ioredis';

// REDIS_URL holds user and password; rediss:// turns on TLS
const redis = new Redis(process.env.REDIS_URL);
await redis.set('greeting', 'hello');`,
    sentinel: (t, s) => `import Redis from 'ioredis';

// Asks the Sentinels for the primary and follows failovers
const redis = new Redis({
  sentinels: [
${indentedList(
  s.endpoints,
  e => `{ host: ${str(e.host)}, port: ${e.port} }`,
  '    ',
)}
  ],
  name: ${str(s.masterName)},
  username: ${str(t.username)},
  password: process.env.REDIS_PASSWORD,
  sentinelUsername: ${str(t.username)},
  sentinelPassword: process.env.REDIS_PASSWORD,${
    t.tls
      ? `
  tls: {},
  sentinelTLS: {},
  enableTLSForSentinelMode: true,`
      : ''
  }
});
await redis.set('greeting', 'hello');`,
  },
  'node-redis': {
    direct: () => `import { createClient } from 'redis';

// REDIS_URL holds user and password; rediss:// turns on TLS
const client = createClient({ url: process.env.REDIS_URL });
client.on('error', err => console.error('Redis', err));
await client.connect();
await client.set('greeting', 'hello');`,
    sentinel: (t, s) => {
      const options = `{ username: ${str(
        t.username,
      )}, password: process.env.REDIS_PASSWORD${
        t.tls ? ', socket: { tls: true }' : ''
      } }`;
      return `import { createSentinel } from 'redis'; // node-redis 5

// Asks the Sentinels for the primary and follows failovers
const client = createSentinel({
  name: ${str(s.masterName)},
  sentinelRootNodes: [
${indentedList(
  s.endpoints,
  e => `{ host: ${str(e.host)}, port: ${e.port} }`,
  '    ',
)}
  ],
  nodeClientOptions: ${options},
  sentinelClientOptions: ${options},
});
client.on('error', err => console.error('Redis', err));
await client.connect();
await client.set('greeting', 'hello');`;
    },
  },
  'redis-py': {
    direct: () => `import os
import redis

# REDIS_URL holds user and password; rediss:// turns on TLS
r = redis.Redis.from_url(os.environ["REDIS_URL"])
r.set("greeting", "hello")`,
    sentinel: (t, s) => {
      const tls = t.tls ? ', "ssl": True' : '';
      return `import os
from redis.sentinel import Sentinel

# Asks the Sentinels for the primary and follows failovers
auth = {"username": ${str(
        t.username,
      )}, "password": os.environ["REDIS_PASSWORD"]${tls}}
sentinel = Sentinel(
    [
${indentedList(s.endpoints, e => `(${str(e.host)}, ${e.port})`, '        ')}
    ],
    sentinel_kwargs=auth,
    **auth,
)
r = sentinel.master_for(${str(s.masterName)})
r.set("greeting", "hello")`;
    },
  },
  'go-redis': {
    direct: () => `import (
	"context"
	"os"

	"github.com/redis/go-redis/v9"
)

// REDIS_URL holds user and password; rediss:// turns on TLS
opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
if err != nil {
	panic(err)
}
rdb := redis.NewClient(opt)
err = rdb.Set(context.Background(), "greeting", "hello", 0).Err()`,
    sentinel: (t, s) => `import (${t.tls ? '\n\t"crypto/tls"' : ''}
	"context"
	"os"

	"github.com/redis/go-redis/v9"
)

// Asks the Sentinels for the primary and follows failovers
rdb := redis.NewFailoverClient(&redis.FailoverOptions{
	MasterName: ${str(s.masterName)},
	SentinelAddrs: []string{${s.endpoints
    .map(e => str(sentinelList([e])))
    .join(', ')}},
	Username: ${str(t.username)},
	Password: os.Getenv("REDIS_PASSWORD"),
	SentinelUsername: ${str(t.username)},
	SentinelPassword: os.Getenv("REDIS_PASSWORD"),${
    t.tls ? '\n\tTLSConfig: &tls.Config{},' : ''
  }
})
err := rdb.Set(context.Background(), "greeting", "hello", 0).Err()`,
  },
  jedis: {
    direct: () => `import java.net.URI;
import redis.clients.jedis.JedisPooled;

// REDIS_URL holds user and password; rediss:// turns on TLS
JedisPooled jedis = new JedisPooled(URI.create(System.getenv("REDIS_URL")));
jedis.set("greeting", "hello");`,
    sentinel: (t, s) => `import java.util.Set;
import redis.clients.jedis.*;

// Asks the Sentinels for the primary and follows failovers
JedisClientConfig config = DefaultJedisClientConfig.builder()
    .user(${str(t.username)})
    .password(System.getenv("REDIS_PASSWORD"))${t.tls ? '\n    .ssl(true)' : ''}
    .build();
Set<HostAndPort> sentinels = Set.of(
${s.endpoints
  .map(e => `    new HostAndPort(${str(e.host)}, ${e.port})`)
  .join(',\n')});
JedisSentineled jedis = new JedisSentineled(${str(
      s.masterName,
    )}, config, sentinels, config);
jedis.set("greeting", "hello");`,
  },
  lettuce: {
    direct: () => `import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

// REDIS_URL holds user and password; rediss:// turns on TLS
RedisClient client = RedisClient.create(System.getenv("REDIS_URL"));
StatefulRedisConnection<String, String> connection = client.connect();
connection.sync().set("greeting", "hello");`,
    sentinel: (t, s) => {
      const [first, ...others] = s.endpoints;
      return `import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

// Asks the Sentinels for the primary and follows failovers
RedisURI uri = RedisURI.Builder
    .sentinel(${str(first.host)}, ${first.port}, ${str(s.masterName)})
${others
  .map(e => `    .withSentinel(${str(e.host)}, ${e.port})\n`)
  .join('')}    .withAuthentication(${str(
        t.username,
      )}, System.getenv("REDIS_PASSWORD"))${t.tls ? '\n    .withSsl(true)' : ''}
    .build();
RedisClient client = RedisClient.create(uri);
StatefulRedisConnection<String, String> connection = client.connect();
connection.sync().set("greeting", "hello");`;
    },
  },
};

/**
 * Code that connects with `library` and writes one key. A standalone target
 * reads REDIS_URL; a target with Sentinels names them and the master and
 * reads REDIS_PASSWORD. Neither carries the password itself, so a snippet
 * can be pasted into code that is committed (see `environmentVariables`).
 * @public
 */
export function clientSnippet(
  library: RedisClientLibrary,
  target: ConnectionTarget,
): string {
  const writer = WRITERS[library];
  const sentinel = target.sentinel;
  return sentinel && sentinel.endpoints.length > 0
    ? writer.sentinel(target, sentinel)
    : writer.direct(target);
}
