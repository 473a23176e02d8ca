import { str } from './text';
import type { TrustingWriter } from './types';

const JEDIS_TRUST_IMPORTS = `import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;`;

/**
 * Makes `tls`, an SSLContext trusting only the CA file, and `checkHost`,
 * which has the certificate checked against the host as browsers do (Jedis
 * does not by default).
 */
const jedisTrust = (
  caFile: string,
) => `// The instance's CA is in no Java trust store: trust the file you downloaded
KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
trusted.load(null, null);
try (FileInputStream pem = new FileInputStream(${str(caFile)})) {
    trusted.setCertificateEntry("ca",
        CertificateFactory.getInstance("X.509").generateCertificate(pem));
}
TrustManagerFactory trust =
    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
trust.init(trusted);
SSLContext tls = SSLContext.getInstance("TLS");
tls.init(null, trust.getTrustManagers(), null);
SSLParameters checkHost = new SSLParameters();
checkHost.setEndpointIdentificationAlgorithm("HTTPS");`;

export const jedis: TrustingWriter = {
  direct: t => `import java.net.URI;
${JEDIS_TRUST_IMPORTS}
import redis.clients.jedis.JedisPooled;

${jedisTrust(t.caFile)}

// REDIS_URL holds user and password; rediss:// turns on TLS
JedisPooled jedis = new JedisPooled(URI.create(System.getenv("REDIS_URL")),
    tls.getSocketFactory(), checkHost, null);
jedis.set("greeting", "hello");`,
  sentinel: (t, s) => `import java.util.Set;
${JEDIS_TRUST_IMPORTS}
import redis.clients.jedis.*;

${jedisTrust(t.caFile)}

// Asks the Sentinels for the primary and follows failovers, over TLS
// trusting the instance's CA for the Sentinels and the nodes alike
JedisClientConfig config = DefaultJedisClientConfig.builder()
    .user(${str(t.username)})
    .password(System.getenv("REDIS_PASSWORD"))
    .ssl(true)
    .sslSocketFactory(tls.getSocketFactory())
    .sslParameters(checkHost)
    .build();
Set<HostAndPort> sentinels = Set.of(
${s.endpoints
  .map(e => `    new HostAndPort(${str(e.host)}, ${e.port})`)
  .join(',\n')});
JedisSentineled jedis = new JedisSentineled(${str(
    s.masterName,
  )}, config, sentinels, config);
jedis.set("greeting", "hello");`,
};

/** Lettuce reads a PEM file itself (SslOptions.trustManager, Lettuce 5.3+). */
const lettuceTrust = (
  caFile: string,
) => `// The instance's CA is in no Java trust store: trust the file you downloaded
client.setOptions(ClientOptions.builder()
    .sslOptions(SslOptions.builder().trustManager(new File(${str(
      caFile,
    )})).build())
    .build());`;

const LETTUCE_IMPORTS = `import java.io.File;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;`;

export const lettuce: TrustingWriter = {
  direct: t => `${LETTUCE_IMPORTS}
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;

// REDIS_URL holds user and password; rediss:// turns on TLS
RedisClient client = RedisClient.create(System.getenv("REDIS_URL"));
${lettuceTrust(t.caFile)}
StatefulRedisConnection<String, String> connection = client.connect();
connection.sync().set("greeting", "hello");`,
  sentinel: (t, s) => {
    const [first, ...others] = s.endpoints;
    return `${LETTUCE_IMPORTS}
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;

// Asks the Sentinels for the primary and follows failovers, over TLS
// trusting the instance's CA for the Sentinels and the nodes alike
RedisURI uri = RedisURI.Builder
    .sentinel(${str(first.host)}, ${first.port}, ${str(s.masterName)})
${others
  .map(e => `    .withSentinel(${str(e.host)}, ${e.port})\n`)
  .join('')}    .withAuthentication(${str(
      t.username,
    )}, System.getenv("REDIS_PASSWORD"))
    .withSsl(true)
    .build();
RedisClient client = RedisClient.create(uri);
${lettuceTrust(t.caFile)}
StatefulRedisConnection<String, String> connection = client.connect();
connection.sync().set("greeting", "hello");`;
  },
};
