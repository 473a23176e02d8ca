import Redis from 'ioredis';

/** A node as GET /instances/{id} lists it. */
export type ListedEndpoint = { role: string; host: string; port: number };

/**
 * What logging in as a user on one node gives, as a user would check it:
 * on a data node a read of `kept` and a refused write ('reads, cannot
 * write'), on a Sentinel a PING ('pings'), else the error's first word
 * (WRONGPASS, NOPERM, ...).
 */
export async function loginOn(
  node: ListedEndpoint,
  username: string,
  password: string,
  expectedValue = 'yes',
): Promise<string> {
  const client = new Redis({
    host: node.host,
    port: node.port,
    lazyConnect: true,
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.call('AUTH', username, password);
    if (node.role === 'sentinel') {
      await client.ping();
      return 'pings';
    }
    const value = await client.get('kept');
    if (value !== expectedValue) return `read ${value}`;
    try {
      await client.set('kept', 'no');
      return 'reads and writes';
    } catch (error) {
      return /NOPERM/.test((error as Error).message)
        ? 'reads, cannot write'
        : (error as Error).message;
    }
  } catch (error) {
    return (error as Error).message.split(' ')[0];
  } finally {
    client.disconnect();
  }
}

/** {@link loginOn} on every node, as `role: result`. */
export async function loginOnEveryNode(
  nodes: ListedEndpoint[],
  username: string,
  password: string,
): Promise<string[]> {
  const seen: string[] = [];
  for (const node of nodes) {
    seen.push(`${node.role}: ${await loginOn(node, username, password)}`);
  }
  return seen;
}

/** A read-only user on a primary, a replica and 3 Sentinels. */
export const READ_ONLY_EVERYWHERE = [
  'primary: reads, cannot write',
  'replica: reads, cannot write',
  'sentinel: pings',
  'sentinel: pings',
  'sentinel: pings',
];
