import type { Advisory, Severity } from '../generated';
import { SEVERITIES } from '../versions';

/** 0 for low up to 3 for critical. @public */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The most severe of the advisories' severities; undefined when there are none. @public */
export function worstSeverity(
  advisories: ReadonlyArray<Pick<Advisory, 'severity'>>,
): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of advisories) {
    if (worst === undefined || severityRank(severity) > severityRank(worst)) {
      worst = severity;
    }
  }
  return worst;
}

/**
 * Sorts advisories the way people triage them: most severe first, then
 * highest CVSS, then newest.
 * @public
 */
export function sortAdvisories<T extends Advisory>(advisories: T[]): T[] {
  return [...advisories].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (b.cvss ?? 0) - (a.cvss ?? 0) ||
      b.published.localeCompare(a.published) ||
      a.id.localeCompare(b.id),
  );
}
