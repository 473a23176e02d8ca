/** What a node says of one user in ACL LIST: on or off, and its password hashes. */
interface ListedUser {
  on: boolean;
  hashes: Set<string>;
}

function parseAclList(lines: string[]): Map<string, ListedUser> {
  const users = new Map<string, ListedUser>();
  for (const line of lines) {
    const [keyword, name, ...rules] = line.trim().split(/\s+/);
    if (keyword !== 'user' || !name) continue;
    users.set(name, {
      on: rules.includes('on'),
      hashes: new Set(
        rules.filter(r => r.startsWith('#')).map(r => r.slice(1)),
      ),
    });
  }
  return users;
}

/**
 * How a node's users differ from the records, in words, or undefined.
 * Compares who is there, whether they are on, and their passwords (the
 * hashes ACL LIST shows); rules are not compared, as Redis rewrites them
 * (`+get +@read` lists as `+@read`).
 */
export function userDrift(
  aclList: string[],
  desired: Array<{ username: string; hashes: string[] }>,
  reserved: (username: string) => boolean,
): string | undefined {
  const listed = parseAclList(aclList);
  const problems: string[] = [];
  for (const user of desired) {
    const found = listed.get(user.username);
    if (!found) {
      problems.push(`${user.username} is missing`);
      continue;
    }
    if (!found.on) problems.push(`${user.username} is off`);
    const wanted = new Set(user.hashes);
    const same =
      wanted.size === found.hashes.size &&
      [...wanted].every(hash => found.hashes.has(hash));
    if (!same) problems.push(`${user.username} has other passwords`);
  }
  for (const name of listed.keys()) {
    if (reserved(name)) continue;
    if (!desired.some(user => user.username === name)) {
      problems.push(`${name} should not be there`);
    }
  }
  return problems.length ? problems.join(', ') : undefined;
}
