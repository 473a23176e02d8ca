import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'crypto';
import { Config } from '@backstage/config';

const VERSION = 'v1';

/**
 * Encrypts secrets for storage with AES-256-GCM. The stored form is
 * `v1:<iv>:<tag>:<ciphertext>` in base64, so the key can be rotated later by
 * adding a version.
 */
export class SecretBox {
  readonly #key: Buffer;

  static fromConfig(config: Config): SecretBox {
    const key = config.getString('dbaas.encryptionKey');
    return SecretBox.fromKey(key);
  }

  static fromKey(key: string): SecretBox {
    if (key.length < 32) {
      // A short key is a configuration mistake we refuse to start with,
      // rather than store passwords under weak encryption.
      throw new Error(
        'dbaas.encryptionKey must be at least 32 characters long',
      );
    }
    return new SecretBox(createHash('sha256').update(key).digest());
  }

  private constructor(key: Buffer) {
    this.#key = key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, tag, data]
      .map(part => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error('Stored secret has an unknown format');
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.#key,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}

/** A password Redis accepts in ACL rules and URLs without escaping. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}
