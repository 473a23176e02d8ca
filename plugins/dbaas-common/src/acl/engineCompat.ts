import { splitEngineVersion } from '../engineVersion';
import type { Engine } from '../generated';

/** Rules that name pub/sub channels, which Redis knows from 6.2 on. */
const CHANNEL_RULE = /^(&.*|allchannels|resetchannels)$/;

function hasChannelRules(engine: Engine, version: string): boolean {
  if (engine !== 'redis') return true;
  const [major, minor] = splitEngineVersion(version)
    .upstream.split('.')
    .map(Number);
  return major > 6 || (major === 6 && minor >= 2);
}

/**
 * A user's rules as an engine takes them. Redis 6.0 refuses channel rules
 * such as `&*` (in an ACL file it will not even start); it lets every user
 * use every channel, which is what those rules grant on later versions.
 * @public
 */
export function aclRulesForEngine(
  engine: Engine,
  version: string,
  rules: string,
): string {
  if (hasChannelRules(engine, version)) return rules;
  return rules
    .split(/\s+/)
    .filter(rule => rule && !CHANNEL_RULE.test(rule))
    .join(' ');
}
