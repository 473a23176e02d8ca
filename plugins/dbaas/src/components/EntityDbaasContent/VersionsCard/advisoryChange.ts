import type {
  Advisory,
  UpgradeCandidate,
} from '@justmanage/plugin-dbaas-common';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * What a move does to the instance's advisories: which it fixes, which the
 * target has that the running version has not (it introduces them), and
 * which stay. "Leaves 15 open" would hide that a move to another engine
 * brings in advisories the instance never had. An advisory counts as the
 * same when its id or one of its aliases matches (Valkey's advisories carry
 * the CVE of the Redis one they share).
 */
export function advisoryChange(
  candidate: UpgradeCandidate,
  current: Advisory[],
): string {
  const known = new Set(current.flatMap(a => [a.id, ...(a.aliases ?? [])]));
  const introduced = candidate.openAdvisories.filter(id => !known.has(id));
  const kept = candidate.openAdvisories.length - introduced.length;
  const parts = [
    candidate.fixes.length === 0
      ? 'fixes no known advisory'
      : `fixes ${plural(candidate.fixes.length, 'advisory', 'advisories')}`,
  ];
  if (introduced.length) parts.push(`introduces ${introduced.length}`);
  if (kept) parts.push(`leaves ${kept} open`);
  return parts.join(', ');
}
