import {
  createCipheriv,
  createDecipheriv,
  createHash,
  DecipherGCM,
  randomBytes,
} from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** "JustManage backup, format 1": the first bytes of every stored object. */
const MAGIC = Buffer.from('JMB1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

/**
 * Encrypts backup objects with AES-256-GCM as streams: MAGIC, IV,
 * ciphertext, tag. The key is the SHA-256 of `dbaas.backups.encryptionKey`,
 * kept in this object only. GCM's tag proves the whole object on the last
 * byte; the SHA-256 checksum of the stored bytes, kept in the catalog,
 * proves it before anything is decrypted.
 */
export class BackupCipher {
  readonly #key: Buffer;

  static fromKey(secret: string): BackupCipher {
    return new BackupCipher(createHash('sha256').update(secret).digest());
  }

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** Plain bytes in, stored bytes out. */
  encrypt(): Transform {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    let started = false;
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (!started) {
          started = true;
          this.push(Buffer.concat([MAGIC, iv]));
        }
        done(null, cipher.update(chunk));
      },
      flush(done) {
        if (!started) this.push(Buffer.concat([MAGIC, iv]));
        this.push(cipher.final());
        done(null, cipher.getAuthTag());
      },
    });
  }

  /**
   * Stored bytes in, plain bytes out. The last 16 bytes are the tag, so
   * they are held back until the end; a damaged object fails there.
   */
  decrypt(): Transform {
    const key = this.#key;
    let header = Buffer.alloc(0);
    let held = Buffer.alloc(0);
    let decipher: DecipherGCM | undefined;
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        let data = chunk;
        if (!decipher) {
          header = Buffer.concat([header, data]);
          if (header.length < HEADER_BYTES) return done();
          if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
            return done(new Error('not a JustManage backup object'));
          }
          decipher = createDecipheriv(
            'aes-256-gcm',
            key,
            header.subarray(MAGIC.length, HEADER_BYTES),
          );
          data = header.subarray(HEADER_BYTES);
        }
        held = Buffer.concat([held, data]);
        if (held.length <= TAG_BYTES) return done();
        const ready = held.subarray(0, held.length - TAG_BYTES);
        held = held.subarray(held.length - TAG_BYTES);
        return done(null, decipher.update(ready));
      },
      flush(done) {
        if (!decipher || held.length < TAG_BYTES) {
          return done(new Error('the backup object is truncated'));
        }
        try {
          decipher.setAuthTag(held);
          return done(null, decipher.final());
        } catch {
          return done(
            new Error('the backup object does not decrypt with this key'),
          );
        }
      },
    });
  }

  /** A small object (the manifest) encrypted whole. */
  async encryptBuffer(plain: Buffer): Promise<Buffer> {
    return collect(Readable.from([plain]), this.encrypt());
  }

  async decryptBuffer(stored: Readable): Promise<Buffer> {
    return collect(stored, this.decrypt());
  }
}

async function collect(source: Readable, through: Transform): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(source, through, async (output: AsyncIterable<Buffer>) => {
    for await (const chunk of output) chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}
