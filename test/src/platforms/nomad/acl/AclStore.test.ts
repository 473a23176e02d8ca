import { AclStore } from './AclStore';

describe('AclStore', () => {
  const rules = `
    # the driver's policy
    namespace "default" {
      capabilities = ["submit-job", "read-job"]
      variables {
        path "nomad/jobs/jm-*" {
          capabilities = ["read", "write"]
        }
      }
    }
    node {
      policy = "read"
    }
  `;

  it('grants what a policy names and refuses the rest with Permission denied', () => {
    const acl = new AclStore();
    acl.putPolicy('driver', rules);
    const token = acl.createToken('driver', ['driver']);
    const me = acl.resolve(token.SecretID);
    expect(() => acl.allowNamespace(me, 'default', 'submit-job')).not.toThrow();
    expect(() => acl.allowNamespace(me, 'default', 'alloc-exec')).toThrow(
      'Permission denied',
    );
    expect(() => acl.allowNamespace(me, 'other', 'read-job')).toThrow(
      'Permission denied',
    );
    expect(() =>
      acl.allowVariable(me, 'default', 'nomad/jobs/jm-a', 'write'),
    ).not.toThrow();
    expect(() =>
      acl.allowVariable(me, 'default', 'nomad/jobs/jm-a', 'destroy'),
    ).toThrow('Permission denied');
    expect(() =>
      acl.allowVariable(me, 'default', 'nomad/jobs/x', 'read'),
    ).toThrow('Permission denied');
    expect(() => acl.allowNode(me, 'read')).not.toThrow();
    expect(() => acl.allowNode(me, 'write')).toThrow('Permission denied');
  });

  it('expands policy = "write" and takes the JSON form of rules', () => {
    const acl = new AclStore();
    acl.putPolicy('w', '{"namespace": {"*": {"policy": "write"}}}');
    const me = acl.resolve(acl.createToken('w', ['w']).SecretID);
    expect(() =>
      acl.allowNamespace(me, 'apps', 'alloc-lifecycle'),
    ).not.toThrow();
    expect(() =>
      acl.allowVariable(me, 'apps', 'any/path', 'destroy'),
    ).not.toThrow();
  });

  it('refuses an unknown token and lets the management token do anything', () => {
    const acl = new AclStore();
    expect(() => acl.resolve('nope')).toThrow('ACL token not found');
    expect(() =>
      acl.allowNamespace(acl.management, 'default', 'submit-job'),
    ).not.toThrow();
    expect(() => acl.allowNamespace(undefined, 'default', 'read-job')).toThrow(
      'Permission denied',
    );
  });
});
