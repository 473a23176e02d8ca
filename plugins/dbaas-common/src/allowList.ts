import { z } from 'zod';

/** How many networks one instance may allow; a firewall rule each. @public */
export const MAX_ALLOWED_NETWORKS = 64;

/** An IPv4 or IPv6 network, parsed. @public */
export interface CidrNetwork {
  family: 4 | 6;
  /** The network address as a number of 32 or 128 bits. */
  address: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: '010' means 8 to some tools and 10 to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) {
      return undefined;
    }
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array(Math.max(missing, 0)).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/**
 * Parses `10.0.0.0/8` or `fd00::/8`. Returns the reason instead of throwing,
 * so forms and the API word it the same way.
 * @public
 */
export function parseCidr(
  text: string,
): { ok: true; network: CidrNetwork } | { ok: false; reason: string } {
  const example = 'in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8';
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!match) {
    return { ok: false, reason: `'${text}' is not a network ${example}` };
  }
  const v4 = parseIpv4(match[1]);
  const v6 = v4 === undefined ? parseIpv6(match[1]) : undefined;
  if (v4 === undefined && v6 === undefined) {
    return {
      ok: false,
      reason: `'${match[1]}' in '${text}' is not an IPv4 or IPv6 address`,
    };
  }
  const family = v4 !== undefined ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  const prefix = Number(match[2]);
  if (prefix > bits) {
    return {
      ok: false,
      reason: `'${text}' has a prefix over /${bits}, the most an IPv${family} network has`,
    };
  }
  const address = (v4 ?? v6)!;
  const hostBits = (1n << BigInt(bits - prefix)) - 1n;
  if ((address & hostBits) !== 0n) {
    const network = { family, address: address & ~hostBits, prefix } as const;
    return {
      ok: false,
      reason: `'${text}' has host bits set; the network is ${formatCidr(
        network,
      )}`,
    };
  }
  return { ok: true, network: { family, address, prefix } };
}

/** Writes a network back in its usual form (IPv6 groups without compression). @public */
export function formatCidr(network: CidrNetwork): string {
  if (network.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map(s => (network.address >> s) & 255n);
    return `${octets.join('.')}/${network.prefix}`;
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((network.address >> shift) & 0xffffn).toString(16));
  }
  return `${groups.join(':')}/${network.prefix}`;
}

/** Whether `inner` lies wholly inside `outer`. @public */
export function networkContains(
  outer: CidrNetwork,
  inner: CidrNetwork,
): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) {
    return false;
  }
  const bits = outer.family === 4 ? 32 : 128;
  const hostBits = (1n << BigInt(bits - outer.prefix)) - 1n;
  return (inner.address & ~hostBits) === outer.address;
}

const LOOPBACK = ['127.0.0.0/8', '::1/128'].map(text => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.network;
});

/** Whether every network of an allow-list is loopback: clients on the same host only. @public */
export function allowsLoopbackOnly(cidrs: string[]): boolean {
  return cidrs.every(text => {
    const parsed = parseCidr(text);
    return (
      parsed.ok && LOOPBACK.some(lo => networkContains(lo, parsed.network))
    );
  });
}

const cidr = z
  .string({ error: 'must be a string' })
  .superRefine((text, ctx) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });

/**
 * Who may connect to an instance besides the control plane: networks in
 * CIDR notation, and on Kubernetes namespaces.
 * @public
 */
export const allowListSchema = z.strictObject(
  {
    cidrs: z
      .array(cidr, { error: 'must be a list of networks' })
      .min(1, 'must hold at least one network, e.g. 10.0.0.0/8')
      .max(
        MAX_ALLOWED_NETWORKS,
        `must hold at most ${MAX_ALLOWED_NETWORKS} networks`,
      )
      .superRefine((cidrs, ctx) => {
        const seen = new Set<string>();
        cidrs.forEach((text, index) => {
          if (seen.has(text)) {
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `'${text}' is listed twice`,
            });
          }
          seen.add(text);
        });
      }),
    namespaces: z
      .array(
        z
          .string({ error: 'must be a string' })
          .regex(
            /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
            'must be a Kubernetes namespace name (RFC 1123 label)',
          ),
        { error: 'must be a list of namespace names' },
      )
      .max(MAX_ALLOWED_NETWORKS, `must hold at most ${MAX_ALLOWED_NETWORKS}`)
      .optional(),
  },
  { error: 'must be an object with cidrs' },
);
