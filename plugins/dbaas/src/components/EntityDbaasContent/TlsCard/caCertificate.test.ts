import { webcrypto } from 'node:crypto';
import { readCaCertificate, sha256Fingerprint } from './caCertificate';
import { EXAMPLE_ORG_CA, ORDERS_CACHE_CA } from './__testUtils__/caFixtures';

describe('readCaCertificate', () => {
  it.each([
    ['a JustManage CA', ORDERS_CACHE_CA],
    ['a CA with several attributes and a GeneralizedTime', EXAMPLE_ORG_CA],
  ])('reads subject and expiry of %s as openssl does', (_, ca) => {
    const facts = readCaCertificate(ca.pem);
    expect(facts.subject).toBe(ca.subject);
    expect(facts.notAfter.toISOString()).toBe(ca.notAfter);
  });

  it('refuses what is not a certificate', () => {
    expect(() => readCaCertificate('hello')).toThrow(/no certificate/);
    expect(() =>
      readCaCertificate(
        '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----',
      ),
    ).toThrow();
  });
});

describe('sha256Fingerprint', () => {
  const original = globalThis.crypto;
  afterEach(() =>
    Object.defineProperty(globalThis, 'crypto', {
      value: original,
      configurable: true,
    }),
  );

  it('is the fingerprint openssl prints', async () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: webcrypto,
      configurable: true,
    });
    const { der } = readCaCertificate(ORDERS_CACHE_CA.pem);
    await expect(sha256Fingerprint(der)).resolves.toBe(
      ORDERS_CACHE_CA.fingerprint,
    );
  });

  it('is undefined where the page has no Web Crypto (plain HTTP)', async () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: {},
      configurable: true,
    });
    const { der } = readCaCertificate(ORDERS_CACHE_CA.pem);
    await expect(sha256Fingerprint(der)).resolves.toBeUndefined();
  });
});
