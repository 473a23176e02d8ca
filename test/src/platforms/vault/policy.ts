/** A capability of a Vault ACL policy, as the docs list them. */
export type Capability =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'list'
  | 'sudo'
  | 'deny';

/** A policy: paths (with `*` at the end or `+` for one segment) to capabilities. */
export type Policy = Record<string, Capability[]>;

function matches(pattern: string, path: string): boolean {
  const glob = pattern.endsWith('*');
  const base = glob ? pattern.slice(0, -1) : pattern;
  const wanted = base.split('/');
  const given = path.split('/');
  if (!glob && wanted.length !== given.length) return false;
  if (glob && given.length < wanted.length) return false;
  return wanted.every((segment, i) => {
    const last = i === wanted.length - 1;
    if (segment === '+') return given[i] !== undefined;
    // A trailing glob matches any continuation of the last segment.
    return glob && last ? given[i].startsWith(segment) : segment === given[i];
  });
}

/**
 * What a token's policies allow on a path: the most specific matching rule
 * of each policy counts (an exact path before a glob, a longer glob before
 * a shorter one), `deny` wins, and the policies' capabilities add up.
 */
export function allowed(
  policies: Policy[],
  path: string,
  capability: Capability,
): boolean {
  let granted = false;
  for (const policy of policies) {
    const rules = Object.entries(policy)
      .filter(([pattern]) => matches(pattern, path))
      .sort(
        ([a], [b]) =>
          Number(a.endsWith('*')) - Number(b.endsWith('*')) ||
          b.length - a.length,
      );
    const [best] = rules;
    if (!best) continue;
    if (best[1].includes('deny')) return false;
    if (best[1].includes(capability)) granted = true;
  }
  return granted;
}
