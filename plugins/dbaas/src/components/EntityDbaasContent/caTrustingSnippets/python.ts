import { indentedList, str } from './text';
import type { TrustingWriter } from './types';

export const redisPy: TrustingWriter = {
  direct: t => `import os
import redis

# REDIS_URL holds user and password; rediss:// turns on TLS. The
# instance's CA is in no trust store: trust the file you downloaded.
r = redis.Redis.from_url(os.environ["REDIS_URL"], ssl_ca_certs=${str(t.caFile)})
r.set("greeting", "hello")`,
  sentinel: (t, s) => `import os
from redis.sentinel import Sentinel

# Asks the Sentinels for the primary and follows failovers, over TLS
# trusting the instance's CA for the Sentinels and the nodes alike
auth = {
    "username": ${str(t.username)},
    "password": os.environ["REDIS_PASSWORD"],
    "ssl": True,
    "ssl_ca_certs": ${str(t.caFile)},
}
sentinel = Sentinel(
    [
${indentedList(s.endpoints, e => `(${str(e.host)}, ${e.port})`, '        ')}
    ],
    sentinel_kwargs=auth,
    **auth,
)
r = sentinel.master_for(${str(s.masterName)})
r.set("greeting", "hello")`,
};
