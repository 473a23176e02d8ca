import { InputError } from '@backstage/errors';
import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';
import { createHash } from 'node:crypto';
import { renderAclFile } from './aclFile';

describe('renderAclFile', () => {
  const users = [
    {
      username: 'jm-admin',
      passwordHashes: [aclPasswordHash('admin-pw')],
      rules: '~* &* +@all',
    },
    {
      username: 'app',
      passwordHashes: [aclPasswordHash('app-pw'), aclPasswordHash('next-pw')],
      rules: ' ~*  &* +@all -@admin ',
    },
  ];

  it('switches the default user off (with the rights the AOF loader replays under) and writes every password hash', () => {
    const acl = renderAclFile(users);
    const sha = (p: string) => createHash('sha256').update(p).digest('hex');
    expect(acl).toBe(
      [
        'user default off ~* +@all',
        `user jm-admin on #${sha('admin-pw')} ~* &* +@all`,
        `user app on #${sha('app-pw')} #${sha('next-pw')} ~* &* +@all -@admin`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['a name with a space', { username: 'a b' }],
    ['the default user', { username: 'default' }],
    ['no password', { passwordHashes: [] }],
    ['a hash that is not a SHA-256', { passwordHashes: ['app-pw'] }],
    ['a line break in rules', { rules: '+@all\nuser evil on nopass' }],
    ['a plain password in rules', { rules: '>secret +@all' }],
  ])('refuses %s', (_, change) => {
    expect(() => renderAclFile([{ ...users[1], ...change }])).toThrow(
      InputError,
    );
  });
});
