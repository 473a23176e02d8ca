import { connect, TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { targetOfNode } from '../redis/redisTarget';

/** What a node shows a client that connects: its certificate's expiry. */
async function servedNotAfter(
  ctx: StepContext,
  instance: Instance,
  node: Parameters<typeof targetOfNode>[1],
): Promise<Date> {
  const target = targetOfNode(instance, node);
  // With TLS preferred the node's port is plain; TLS is on the port beside.
  const endpoint = target.endpoint.tls
    ? target.endpoint
    : { ...target.endpoint, port: target.endpoint.tlsPort!, tls: true };
  const route = await ctx.deps.admin.route({ ...target, endpoint });
  try {
    return await new Promise<Date>((resolve, reject) => {
      const socket: TLSSocket = connect(
        {
          host: route.host,
          port: route.port,
          ca: route.ca,
          servername: route.servername,
        },
        () => {
          const cert = socket.getPeerX509Certificate() as X509Certificate;
          socket.destroy();
          resolve(new Date(cert.validTo));
        },
      );
      socket.setTimeout(5000, () =>
        socket.destroy(new Error('no TLS handshake within 5 s')),
      );
      socket.once('error', reject);
    });
  } finally {
    route.close();
  }
}

/**
 * Proves, by connecting as a client trusting the instance's CA, that every
 * running node, Sentinels included, serves a certificate of the current
 * generation.
 * Returns the nodes checked; throws naming a node that does not.
 */
export async function verifyServedCertificates(
  ctx: StepContext,
  instance: Instance,
  notAfter: string,
): Promise<string[]> {
  const observed = await ctx.driver.observe(instance.id);
  const nodes = observed.nodes.filter(
    // Sentinels included: they restart to load theirs.
    n =>
      n.phase === 'running' &&
      (n.endpoint?.tls || n.endpoint?.tlsPort !== undefined),
  );
  if (nodes.length === 0) {
    throw new Error(`No running node of ${instance.name} serves TLS`);
  }
  const expected = Math.floor(Date.parse(notAfter) / 1000);
  for (const node of nodes) {
    const served = await servedNotAfter(ctx, instance, node);
    if (Math.floor(served.getTime() / 1000) !== expected) {
      throw new Error(
        `${
          node.name
        } still serves a certificate expiring ${served.toISOString()}, not the new one expiring ${notAfter}`,
      );
    }
  }
  return nodes.map(n => n.name);
}
