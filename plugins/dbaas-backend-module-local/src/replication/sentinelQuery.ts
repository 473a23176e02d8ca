import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { PrimaryAddress } from './replicaConf';

/** A command as Redis reads it: an array of bulk strings. */
function encode(args: string[]): string {
  const parts = args.map(arg => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return `*${args.length}\r\n${parts.join('')}`;
}

/**
 * Reads a reply that is an array of bulk strings, a null array or an
 * error. Returns undefined while the reply is incomplete.
 */
export function parseStringArray(
  reply: string,
): { value: string[] | null } | { error: string } | undefined {
  const end = reply.indexOf('\r\n');
  if (end < 0) return undefined;
  const head = reply.slice(0, end);
  if (head.startsWith('-')) return { error: head.slice(1) };
  if (!head.startsWith('*')) return { error: `unexpected reply ${head}` };
  const count = Number(head.slice(1));
  if (count < 0) return { value: null };
  const items: string[] = [];
  let at = end + 2;
  for (let i = 0; i < count; i++) {
    const lineEnd = reply.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const length = Number(reply.slice(at + 1, lineEnd));
    const start = lineEnd + 2;
    if (reply.length < start + length + 2) return undefined;
    items.push(reply.slice(start, start + length));
    at = start + length + 2;
  }
  return { value: items };
}

/**
 * Asks one Sentinel where the primary is, without credentials (see
 * sentinelConf.ts). Undefined when it does not answer, does not know the
 * name, or answers anything else. Kept to one short exchange because
 * observe() and the supervisor ask often.
 */
export function askSentinelForPrimary(
  host: string,
  port: number,
  masterName: string,
  timeoutMs = 500,
  tls?: { ca: string },
): Promise<PrimaryAddress | undefined> {
  return new Promise(resolve => {
    let settled = false;
    let received = '';
    const socket = tls
      ? connectTls({ host, port, ca: tls.ca })
      : connect({ host, port });
    const finish = (result: PrimaryAddress | undefined) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(undefined));
    socket.once(tls ? 'secureConnect' : 'connect', () =>
      socket.write(encode(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName])),
    );
    socket.on('data', chunk => {
      received += chunk.toString('utf8');
      const parsed = parseStringArray(received);
      if (!parsed) return;
      if ('error' in parsed || !parsed.value || parsed.value.length !== 2) {
        finish(undefined);
        return;
      }
      const [answerHost, answerPort] = parsed.value;
      const portNumber = Number(answerPort);
      finish(
        Number.isInteger(portNumber) && portNumber > 0
          ? { host: answerHost, port: portNumber }
          : undefined,
      );
    });
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(undefined));
  });
}

/**
 * What most of the Sentinels that answer say. While a failover is being
 * announced they may briefly disagree; the majority is what clients that
 * ask any of them will mostly be told.
 */
export async function primaryFromSentinels(
  sentinels: Array<{ host: string; port: number; tls?: { ca: string } }>,
  masterName: string,
): Promise<{ primary?: PrimaryAddress; answered: number }> {
  const answers = (
    await Promise.all(
      sentinels.map(({ host, port, tls }) =>
        askSentinelForPrimary(host, port, masterName, 500, tls),
      ),
    )
  ).filter((a): a is PrimaryAddress => a !== undefined);
  const votes = new Map<string, { primary: PrimaryAddress; count: number }>();
  for (const answer of answers) {
    const key = `${answer.host}:${answer.port}`;
    const entry = votes.get(key) ?? { primary: answer, count: 0 };
    entry.count++;
    votes.set(key, entry);
  }
  const best = [...votes.values()].sort((a, b) => b.count - a.count)[0];
  return { primary: best?.primary, answered: answers.length };
}
