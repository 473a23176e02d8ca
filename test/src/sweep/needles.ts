import { MIN_NEEDLE_LENGTH } from './NeedleIndex';

/** A secret a test obtained or a backend held, as the harness recorded it. */
export interface RecordedSecret {
  kind: string;
  value: string;
  /** Where the harness got it: an API answer, a file, a table. */
  source: string;
}

/** What the sweep looks for: a secret in one form, or a PEM marker. */
export interface NeedleTag {
  /** The secret, or undefined for the PEM marker. */
  secret?: RecordedSecret;
  form: string;
}

/** Any private key in PEM form: none may be in a log or a database. */
export const PEM_MARKER = 'PRIVATE KEY-----';

/**
 * The base64 text that `value`'s bytes make inside any longer base64 text,
 * for each of the three alignments: only the characters that depend on
 * `value`'s bytes alone.
 */
export function base64Inside(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [0, 1, 2].map(offset => {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const whole = padded.subarray(0, padded.length - (padded.length % 3));
    // chars 0..ceil(offset*4/3)-1 mix in the bytes before the value
    return whole.toString('base64').slice(Math.ceil((offset * 4) / 3));
  });
}

/** The base64 body of a PEM, without its armour and line breaks. */
function pemBody(pem: string): { body: string; lines: string[] } {
  const lines = pem
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('-----'));
  return { body: lines.join(''), lines };
}

/**
 * Every form in which a secret could reach a log or a database: as is,
 * URL-encoded, base64 and base64url (any alignment); a private key also
 * by its body and by each full line of it, however the PEM was reflowed.
 */
export function formsOf(secret: RecordedSecret): Array<[string, string]> {
  const forms: Array<[string, string]> = [];
  const withEncodings = (text: string, name: string) => {
    forms.push([name, text]);
    forms.push([`${name}, URL-encoded`, encodeURIComponent(text)]);
    for (const b64 of base64Inside(text)) {
      forms.push([`${name}, base64`, b64]);
      forms.push([
        `${name}, base64url`,
        b64.replace(/\+/g, '-').replace(/\//g, '_'),
      ]);
    }
  };
  if (secret.value.includes(PEM_MARKER)) {
    const { body, lines } = pemBody(secret.value);
    withEncodings(body, 'key body');
    // The first line is mostly the key type's fixed ASN.1 header.
    lines.slice(1).forEach((line, i) => {
      if (line.length === 64) withEncodings(line, `key line ${i + 2}`);
    });
  } else {
    withEncodings(secret.value, 'plain');
  }
  const distinct = new Map<string, string>();
  for (const [name, text] of forms) {
    if (text.length >= MIN_NEEDLE_LENGTH && !distinct.has(text)) {
      distinct.set(text, name);
    }
  }
  return [...distinct].map(([text, name]) => [name, text]);
}
