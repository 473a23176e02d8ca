import {
  clientSnippet,
  ConnectionTarget,
  RedisClientLibrary,
} from '@justmanage/plugin-dbaas-common';
import { goRedis } from './go';
import { jedis, lettuce } from './java';
import { ioredis, nodeRedis } from './node';
import { redisPy } from './python';
import type { TrustingTarget, TrustingWriter } from './types';

const TRUSTING: Record<RedisClientLibrary, TrustingWriter> = {
  ioredis,
  'node-redis': nodeRedis,
  'redis-py': redisPy,
  'go-redis': goRedis,
  jedis,
  lettuce,
};

function isTrusting(target: ConnectionTarget): target is TrustingTarget {
  return target.tls && !!target.caFile;
}

/**
 * Code that connects with `library` and writes one key, as dbaas-common's
 * `clientSnippet` writes it; with TLS and a CA file, code that trusts that
 * file, since the instance's own CA is in no trust store and a client that
 * only turns TLS on refuses the node's certificate.
 */
export function clientSnippetFor(
  library: RedisClientLibrary,
  target: ConnectionTarget,
): string {
  if (!isTrusting(target)) return clientSnippet(library, target);
  const writer = TRUSTING[library];
  const sentinel = target.sentinel;
  return sentinel && sentinel.endpoints.length > 0
    ? writer.sentinel(target, sentinel)
    : writer.direct(target);
}
