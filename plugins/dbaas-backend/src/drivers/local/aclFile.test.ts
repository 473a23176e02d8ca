import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { hashPassword, renderAclFile } from './aclFile';

describe('renderAclFile', () => {
  const users = [
    { username: 'jm-admin', password: 'admin-pw', rules: '~* &* +@all' },
    { username: 'app', password: 'app-pw', rules: ' ~*  &* +@all -@admin ' },
  ];

  it('switches the default user off (with the rights the AOF loader replays under) and stores only password hashes', () => {
    const acl = renderAclFile(users);
    expect(acl).toBe(
      [
        'user default off ~* +@all',
        `user jm-admin on #${createHash('sha256')
          .update('admin-pw')
          .digest('hex')} ~* &* +@all`,
        `user app on #${hashPassword('app-pw')} ~* &* +@all -@admin`,
        '',
      ].join('\n'),
    );
    expect(acl).not.toContain('admin-pw');
    expect(acl).not.toContain('app-pw');
  });

  it.each([
    ['a name with a space', { username: 'a b' }],
    ['the default user', { username: 'default' }],
    ['an empty password', { password: '' }],
    ['a line break in rules', { rules: '+@all\nuser evil on nopass' }],
    ['a plain password in rules', { rules: '>secret +@all' }],
  ])('refuses %s', (_, change) => {
    expect(() => renderAclFile([{ ...users[1], ...change }])).toThrow(
      InputError,
    );
  });
});
