import { aclUsersFor } from './aclCompat';

const users = [
  {
    username: 'jm-admin',
    passwordHashes: ['a'.repeat(64)],
    rules: '~* &* +@all',
  },
  {
    username: 'app',
    passwordHashes: ['b'.repeat(64)],
    rules: '~* &* +@all -@admin',
  },
];

describe('aclUsersFor', () => {
  it('drops channel rules for Redis 6.0, which refuses them', () => {
    const adapted = aclUsersFor(
      { engine: 'redis', version: '6.0.16+deb11u2', path: '/r6' },
      users,
    );
    expect(adapted.map(u => u.rules)).toEqual(['~* +@all', '~* +@all -@admin']);
    expect(adapted.map(u => u.passwordHashes)).toEqual([
      ['a'.repeat(64)],
      ['b'.repeat(64)],
    ]);
  });

  it('keeps them from Redis 6.2 on and for Valkey', () => {
    for (const binary of [
      { engine: 'redis' as const, version: '6.2.14', path: '/r62' },
      { engine: 'redis' as const, version: '7.0.15+deb12u7', path: '/r7' },
      { engine: 'valkey' as const, version: '8.0.1+bpo12.1', path: '/v8' },
    ]) {
      expect(aclUsersFor(binary, users)).toEqual(users);
    }
  });
});
