import { nextHashes } from './followVaultUsers';

const at = (iso: string) => new Date(iso);

describe('nextHashes', () => {
  const listed = (hashes: string[]) => ({
    username: 'V_X',
    on: true,
    hashes,
    rules: '~* +@read',
  });

  it('keeps a password Vault replaced for the grace, then drops it though the node still lists it', () => {
    const rotated = nextHashes(
      listed(['new']),
      {
        username: 'V_X',
        rules: '~* +@read',
        hashes: [{ hash: 'old', addedAt: '2026-01-01T00:00:00.000Z' }],
      },
      5000,
      at('2026-01-01T00:01:00.000Z'),
    );
    expect(rotated).toEqual([
      { hash: 'new', addedAt: '2026-01-01T00:01:00.000Z' },
      {
        hash: 'old',
        addedAt: '2026-01-01T00:00:00.000Z',
        retiresAt: '2026-01-01T00:01:05.000Z',
      },
    ]);
    // The follower put 'old' back on Vault's node; after the grace it goes.
    const later = nextHashes(
      listed(['new', 'old']),
      { username: 'V_X', rules: '~* +@read', hashes: rotated },
      5000,
      at('2026-01-01T00:01:06.000Z'),
    );
    expect(later).toEqual([
      { hash: 'new', addedAt: '2026-01-01T00:01:00.000Z' },
    ]);
  });

  it('gives no grace when asked for none', () => {
    expect(
      nextHashes(
        listed(['b']),
        {
          username: 'V_X',
          rules: '',
          hashes: [{ hash: 'a', addedAt: '2026-01-01T00:00:00.000Z' }],
        },
        0,
        at('2026-01-01T00:01:00.000Z'),
      ),
    ).toEqual([{ hash: 'b', addedAt: '2026-01-01T00:01:00.000Z' }]);
  });
});
