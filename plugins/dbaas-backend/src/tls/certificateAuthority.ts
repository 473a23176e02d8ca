import { webcrypto, randomBytes, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

// ECDSA P-256: signing takes a millisecond, where RSA key generation in a
// request would take a second, and every Redis and Node.js build speaks it.
const algorithm = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
} as const;

/** A certificate and its private key, both PEM. */
export interface IssuedPair {
  certificate: string;
  privateKey: string;
  notAfter: Date;
  /** SHA-256 fingerprint as Node.js reports it (`AA:BB:...`). */
  fingerprint256: string;
}

/** An instance's own CA: every node certificate of the instance is signed by it. */
export async function createCertificateAuthority(options: {
  commonName: string;
  validityDays: number;
  now?: Date;
}): Promise<IssuedPair> {
  const keys = await crypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ]);
  const notBefore = backdated(options.now ?? new Date());
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${escapeDn(options.commonName)}`,
    notBefore,
    notAfter: addDays(notBefore, options.validityDays),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return pairOf(certificate, await exportKey(keys.privateKey));
}

/**
 * A node's certificate for the names clients, replicas and Sentinels dial
 * it by (IP addresses and DNS names), usable as a server and, for
 * replication links, as a client.
 */
export async function issueNodeCertificate(options: {
  ca: { certificate: string; privateKey: string };
  commonName: string;
  hosts: string[];
  notAfter: Date;
  now?: Date;
}): Promise<IssuedPair> {
  const caCert = new x509.X509Certificate(options.ca.certificate);
  const caKey = await importKey(options.ca.privateKey);
  const keys = await crypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ]);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${escapeDn(options.commonName)}`,
    issuer: caCert.subject,
    notBefore: backdated(options.now ?? new Date()),
    notAfter: options.notAfter,
    signingAlgorithm: algorithm,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature |
          x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.serverAuth,
        x509.ExtendedKeyUsage.clientAuth,
      ]),
      new x509.SubjectAlternativeNameExtension(
        [...new Set(options.hosts)].map(host =>
          isIP(host)
            ? { type: 'ip' as const, value: host }
            : { type: 'dns' as const, value: host },
        ),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return pairOf(certificate, await exportKey(keys.privateKey));
}

function pairOf(certificate: x509.X509Certificate, privateKey: string) {
  const pem = certificate.toString('pem');
  const parsed = new X509Certificate(pem);
  return {
    certificate: `${pem}\n`,
    privateKey,
    notAfter: certificate.notAfter,
    fingerprint256: parsed.fingerprint256,
  };
}

async function exportKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  const body = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${body.trimEnd()}\n-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(
    pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''),
    'base64',
  );
  return crypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
}

/** Positive 16-byte serials, unique without a counter to keep. */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

// A minute back, so a node whose clock is slightly behind accepts it.
function backdated(now: Date): Date {
  return new Date(now.getTime() - 60_000);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function escapeDn(value: string): string {
  return value.replace(/[,=+<>#;"\\]/g, '\\$&');
}
