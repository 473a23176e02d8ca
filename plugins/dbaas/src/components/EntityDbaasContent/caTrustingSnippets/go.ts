import { address, str } from './text';
import type { TrustingWriter } from './types';

/** Reads the CA file into a pool `roots`; `err` is declared by it. */
const roots = (
  caFile: string,
) => `// The instance's CA is in no system trust store: trust the file you downloaded
ca, err := os.ReadFile(${str(caFile)})
if err != nil {
	panic(err)
}
roots := x509.NewCertPool()
roots.AppendCertsFromPEM(ca)`;

export const goRedis: TrustingWriter = {
  direct: t => `import (
	"context"
	"crypto/x509"
	"os"

	"github.com/redis/go-redis/v9"
)

${roots(t.caFile)}

// REDIS_URL holds user and password; rediss:// turns on TLS
opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
if err != nil {
	panic(err)
}
opt.TLSConfig.RootCAs = roots
rdb := redis.NewClient(opt)
err = rdb.Set(context.Background(), "greeting", "hello", 0).Err()`,
  sentinel: (t, s) => `import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"os"

	"github.com/redis/go-redis/v9"
)

${roots(t.caFile)}

// Asks the Sentinels for the primary and follows failovers, over TLS
// trusting the instance's CA for the Sentinels and the nodes alike
rdb := redis.NewFailoverClient(&redis.FailoverOptions{
	MasterName: ${str(s.masterName)},
	SentinelAddrs: []string{${s.endpoints.map(e => str(address(e))).join(', ')}},
	Username: ${str(t.username)},
	Password: os.Getenv("REDIS_PASSWORD"),
	SentinelUsername: ${str(t.username)},
	SentinelPassword: os.Getenv("REDIS_PASSWORD"),
	TLSConfig: &tls.Config{RootCAs: roots},
})
err = rdb.Set(context.Background(), "greeting", "hello", 0).Err()`,
};
