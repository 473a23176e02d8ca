import { SecretBox, generatePassword } from './SecretBox';

const KEY = 'a-test-key-of-at-least-thirty-two-chars';

describe('SecretBox', () => {
  it('round-trips, and never stores the plain text', () => {
    const box = SecretBox.fromKey(KEY);
    const stored = box.encrypt('s3cret-password');
    expect(stored).not.toContain('s3cret');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(box.decrypt(stored)).toBe('s3cret-password');
  });

  it('uses a fresh IV each time', () => {
    const box = SecretBox.fromKey(KEY);
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a tampered value and the wrong key', () => {
    const box = SecretBox.fromKey(KEY);
    const [v, iv, tag, data] = box.encrypt('value').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      box.decrypt([v, iv, tag, flipped.toString('base64')].join(':')),
    ).toThrow();
    expect(() =>
      SecretBox.fromKey(`${KEY}-other`).decrypt(box.encrypt('value')),
    ).toThrow();
  });

  it('refuses a short key at startup', () => {
    expect(() => SecretBox.fromKey('short')).toThrow(/at least 32 characters/);
  });

  it('generates URL-safe passwords of 32 characters', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
