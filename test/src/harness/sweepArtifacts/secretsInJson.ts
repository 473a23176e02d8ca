import { recordSecret } from './recordSecret';

/** The API's names for secrets in its answers (openapi.yaml). */
const SECRET_KEY = /password$/i;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Records every password in an API answer, and any PEM private key, at
 * any depth: connections, new users, rotations, credentials.
 */
export function recordSecretsInJson(body: unknown, source: string): void {
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (PRIVATE_KEY.test(value)) recordSecret('private key', value, source);
      else if (SECRET_KEY.test(key)) recordSecret('password', value, source);
    } else if (Array.isArray(value)) {
      value.forEach(item => walk(item, key));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(body, '');
}
