/**
 * What a user checks a CA certificate by, read from its PEM in the
 * browser: the API gives the PEM only, and the fingerprint is what a
 * careful user compares with `openssl x509 -fingerprint -sha256` on the
 * file they saved.
 */
export interface CaCertificateFacts {
  /** The subject as openssl prints it on one line: `CN=JustManage orders-cache CA`. */
  subject: string;
  notAfter: Date;
  /** The certificate's DER bytes, which the fingerprint is taken of. */
  der: Uint8Array;
}

/** The short names of the attributes a CA's subject usually has. */
const ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

const SEQUENCE = 0x30;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
const BMP_STRING = 0x1e;
const VERSION_TAG = 0xa0;

interface Element {
  tag: number;
  /** Where the content starts and ends, in the whole DER. */
  start: number;
  end: number;
}

/** One DER element at `offset`: its tag and where its content lies. */
function elementAt(der: Uint8Array, offset: number): Element {
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i];
    start += bytes;
  }
  const end = start + length;
  if (tag === undefined || end > der.length) {
    throw new Error('truncated DER');
  }
  return { tag, start, end };
}

function childrenOf(der: Uint8Array, parent: Element): Element[] {
  const children: Element[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = elementAt(der, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

function oidOf(bytes: Uint8Array): string {
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function textOf(der: Uint8Array, element: Element): string {
  const bytes = der.subarray(element.start, element.end);
  if (element.tag === BMP_STRING) {
    let text = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      text += String.fromCharCode(bytes[i] * 256 + bytes[i + 1]);
    }
    return text;
  }
  // UTF8String, PrintableString and IA5String: ASCII is UTF-8 too
  return new TextDecoder().decode(bytes);
}

function nameOf(der: Uint8Array, name: Element): string {
  return childrenOf(der, name)
    .flatMap(set => childrenOf(der, set))
    .map(pair => {
      const [type, value] = childrenOf(der, pair);
      const oid = oidOf(der.subarray(type.start, type.end));
      return `${ATTRIBUTES[oid] ?? oid}=${textOf(der, value)}`;
    })
    .join(', ');
}

function timeOf(der: Uint8Array, element: Element): Date {
  const text = textOf(der, element);
  const match =
    element.tag === UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match || (element.tag !== UTC_TIME && element.tag !== GENERALIZED_TIME))
    throw new Error(`unsupported certificate time ${text}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  // RFC 5280: two-digit years from 50 are 19xx
  const year = element.tag === UTC_TIME ? (y >= 50 ? 1900 : 2000) + y : y;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, s));
}

/** The DER bytes of the first certificate in a PEM text. */
export function derOf(pem: string): Uint8Array {
  const body =
    /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(
      pem,
    )?.[1];
  if (!body) throw new Error('no certificate in the PEM');
  const binary = atob(body.replace(/\s+/g, ''));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

/** Subject and expiry of the first certificate in `pem`; throws on what is not one. */
export function readCaCertificate(pem: string): CaCertificateFacts {
  const der = derOf(pem);
  const certificate = elementAt(der, 0);
  if (certificate.tag !== SEQUENCE) throw new Error('not a certificate');
  const tbs = childrenOf(der, certificate)[0];
  const fields = childrenOf(der, tbs);
  // version is optional, [0]; then serial, signature, issuer, validity, subject
  const [, , , validity, subject] =
    fields[0]?.tag === VERSION_TAG ? fields.slice(1) : fields;
  if (!validity || !subject) throw new Error('not a certificate');
  const [, notAfter] = childrenOf(der, validity);
  return {
    subject: nameOf(der, subject),
    notAfter: timeOf(der, notAfter),
    der,
  };
}

/**
 * The SHA-256 fingerprint as openssl and Node.js print it (`AB:CD:...`).
 * Undefined where the browser has no Web Crypto: it offers it on HTTPS and
 * localhost pages only.
 */
export async function sha256Fingerprint(
  der: Uint8Array,
): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', der));
  return Array.from(digest, b => b.toString(16).padStart(2, '0'))
    .join(':')
    .toUpperCase();
}
