import { aclRulesForEngine } from '@justmanage/plugin-dbaas-common';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';
import { EngineBinary } from './binaries';

/** The users as the binary can read them from its ACL file (see aclRulesForEngine). */
export function aclUsersFor(
  binary: EngineBinary,
  users: DriverAclUser[],
): DriverAclUser[] {
  return users.map(user => ({
    ...user,
    rules: aclRulesForEngine(binary.engine, binary.version, user.rules),
  }));
}
