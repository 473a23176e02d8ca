import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { BackupCipher } from './BackupCipher';

const KEY = 'a-backup-key-of-at-least-32-characters!';

function chunked(data: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) {
    parts.push(data.subarray(at, at + size));
  }
  return Readable.from(parts);
}

describe('BackupCipher', () => {
  const cipher = BackupCipher.fromKey(KEY);
  const plain = Buffer.concat([Buffer.from('REDIS0010'), randomBytes(70_000)]);

  it('gives back the plain bytes, whatever the chunking, and never stores them in clear', async () => {
    const stored = await cipher.encryptBuffer(plain);
    expect(stored.includes(Buffer.from('REDIS0010'))).toBe(false);
    expect(stored.length).toBe(plain.length + 4 + 12 + 16);
    for (const size of [1, 7, 16, 17, 4096, stored.length]) {
      expect(
        (await cipher.decryptBuffer(chunked(stored, size))).equals(plain),
      ).toBe(true);
    }
  });

  it('encrypts an empty object too', async () => {
    const stored = await cipher.encryptBuffer(Buffer.alloc(0));
    expect((await cipher.decryptBuffer(Readable.from([stored]))).length).toBe(
      0,
    );
  });

  it('refuses an object with one byte flipped, a truncated one and another key', async () => {
    const stored = await cipher.encryptBuffer(plain);
    const flipped = Buffer.from(stored);
    flipped[1000] ^= 0x01;
    await expect(
      cipher.decryptBuffer(Readable.from([flipped])),
    ).rejects.toThrow('does not decrypt with this key');
    await expect(
      cipher.decryptBuffer(Readable.from([stored.subarray(0, 20)])),
    ).rejects.toThrow('truncated');
    await expect(
      cipher.decryptBuffer(
        Readable.from([stored.subarray(0, stored.length - 100)]),
      ),
    ).rejects.toThrow('does not decrypt');
    await expect(
      BackupCipher.fromKey(`${KEY}-other`).decryptBuffer(
        Readable.from([stored]),
      ),
    ).rejects.toThrow('does not decrypt with this key');
    await expect(
      cipher.decryptBuffer(
        Readable.from([Buffer.from('REDIS0010xxxxxxxxxxxx')]),
      ),
    ).rejects.toThrow('not a JustManage backup object');
  });
});
