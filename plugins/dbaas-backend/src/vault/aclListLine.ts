/** One user as ACL LIST shows it, split into what the follower compares. */
export interface ListedAclUser {
  username: string;
  on: boolean;
  /** SHA-256 hex of each password (`#<hash>` in the line). */
  hashes: string[];
  /** Everything else: key, channel and command rules, in the node's words. */
  rules: string;
}

const NOT_RULES = new Set(['on', 'off', 'nopass', 'resetpass']);

/** Reads `user <name> on #<hash> ~* resetchannels -@all +@read`. */
export function parseAclListLine(line: string): ListedAclUser | undefined {
  const [keyword, username, ...tokens] = line.trim().split(/\s+/);
  if (keyword !== 'user' || !username) return undefined;
  return {
    username,
    on: tokens.includes('on'),
    hashes: tokens.filter(t => t.startsWith('#')).map(t => t.slice(1)),
    rules: tokens
      .filter(t => !t.startsWith('#') && !NOT_RULES.has(t))
      .join(' '),
  };
}
