import {
  allowListSchema,
  allowsLoopbackOnly,
  networkContains,
  parseCidr,
} from './allowList';
import {
  createInstanceRequestSchema,
  updateInstanceRequestSchema,
  validate,
} from './validation';

function network(text: string) {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.network;
}

describe('parseCidr', () => {
  it.each([
    '10.0.0.0/8',
    '192.168.1.0/24',
    '0.0.0.0/0',
    '203.0.113.7/32',
    'fd00::/8',
    '::1/128',
    '::/0',
    '2001:db8:0:0:0:0:0:0/32',
  ])('takes %s', text => {
    expect(parseCidr(text)).toMatchObject({ ok: true });
  });

  it.each([
    ['10.0.0.0', "'10.0.0.0' is not a network in CIDR notation"],
    ['10.0.0.256/8', "'10.0.0.256' in '10.0.0.256/8' is not an IPv4"],
    ['10.0.0/8', "'10.0.0' in '10.0.0/8' is not an IPv4 or IPv6 address"],
    ['010.0.0.0/8', "'010.0.0.0' in '010.0.0.0/8' is not"],
    ['10.0.0.0/33', "'10.0.0.0/33' has a prefix over /32"],
    ['fd00::/129', "'fd00::/129' has a prefix over /128"],
    ['10.1.2.3/8', "'10.1.2.3/8' has host bits set; the network is 10.0.0.0/8"],
    [
      'fd00::1/64',
      "'fd00::1/64' has host bits set; the network is fd00:0:0:0:0:0:0:0/64",
    ],
    ['1::2::3/64', "'1::2::3' in '1::2::3/64' is not"],
    ['everyone', "'everyone' is not a network"],
  ])('refuses %s, saying why', (text, reason) => {
    const parsed = parseCidr(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});

describe('networkContains and allowsLoopbackOnly', () => {
  it('knows which networks lie inside others', () => {
    expect(networkContains(network('10.0.0.0/8'), network('10.1.0.0/16'))).toBe(
      true,
    );
    expect(networkContains(network('10.1.0.0/16'), network('10.0.0.0/8'))).toBe(
      false,
    );
    expect(networkContains(network('0.0.0.0/0'), network('192.0.2.0/24'))).toBe(
      true,
    );
    expect(networkContains(network('::/0'), network('10.0.0.0/8'))).toBe(false);
  });

  it('tells an allow-list of the host itself from one that reaches out', () => {
    expect(allowsLoopbackOnly(['127.0.0.0/8'])).toBe(true);
    expect(allowsLoopbackOnly(['127.0.0.1/32', '::1/128'])).toBe(true);
    expect(allowsLoopbackOnly(['127.0.0.0/8', '10.0.0.0/8'])).toBe(false);
    expect(allowsLoopbackOnly(['0.0.0.0/0'])).toBe(false);
  });
});

describe('allowList in requests', () => {
  const create = {
    name: 'orders-cache',
    owner: 'group:team-a',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
  };

  it('names the field and the rule of each wrong network', () => {
    expect(
      validate(createInstanceRequestSchema, {
        ...create,
        allowList: { cidrs: ['10.0.0.0/8', '10.1.2.3/16', '10.0.0.0/8'] },
      }),
    ).toEqual({
      ok: false,
      message:
        "allowList.cidrs.1: '10.1.2.3/16' has host bits set; the network is 10.1.0.0/16; allowList.cidrs.2: '10.0.0.0/8' is listed twice",
    });
    expect(
      validate(createInstanceRequestSchema, {
        ...create,
        allowList: { cidrs: [] },
      }),
    ).toEqual({
      ok: false,
      message:
        'allowList.cidrs: must hold at least one network, e.g. 10.0.0.0/8',
    });
    expect(
      validate(updateInstanceRequestSchema, {
        allowList: { cidrs: ['10.0.0.0/8'], namespaces: ['Team_A'] },
      }),
    ).toEqual({
      ok: false,
      message:
        'allowList.namespaces.0: must be a Kubernetes namespace name (RFC 1123 label)',
    });
    expect(
      validate(updateInstanceRequestSchema, { allowList: { cidr: [] } }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('allowList.cidr: is not a known field'),
    });
  });

  it('takes a good allow-list on create and on update', () => {
    expect(
      validate(createInstanceRequestSchema, {
        ...create,
        allowList: { cidrs: ['10.0.0.0/8', 'fd00::/8'] },
      }),
    ).toMatchObject({
      ok: true,
      value: { allowList: { cidrs: ['10.0.0.0/8', 'fd00::/8'] } },
    });
    expect(
      validate(allowListSchema, {
        cidrs: ['127.0.0.0/8'],
        namespaces: ['team-a'],
      }),
    ).toMatchObject({ ok: true });
  });
});
