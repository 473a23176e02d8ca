import { splitEngineVersion } from '@justmanage/plugin-dbaas-common';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';
import { EngineBinary } from './binaries';

/** Rules that name pub/sub channels, which Redis knows from 6.2 on. */
const CHANNEL_RULE = /^(&.*|allchannels|resetchannels)$/;

function hasChannelRules(binary: EngineBinary): boolean {
  if (binary.engine !== 'redis') return true;
  const [major, minor] = splitEngineVersion(binary.version)
    .upstream.split('.')
    .map(Number);
  return major > 6 || (major === 6 && minor >= 2);
}

/**
 * The users as the binary can read them. Redis 6.0 refuses to start on an
 * ACL file with channel rules such as `&*`; it lets every user use every
 * channel, which is what those rules grant on later versions.
 */
export function aclUsersFor(
  binary: EngineBinary,
  users: DriverAclUser[],
): DriverAclUser[] {
  if (hasChannelRules(binary)) return users;
  return users.map(user => ({
    ...user,
    rules: user.rules
      .split(/\s+/)
      .filter(rule => rule && !CHANNEL_RULE.test(rule))
      .join(' '),
  }));
}
