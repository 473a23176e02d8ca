import type { Advisory } from '../generated';
import {
  advisoriesAffecting,
  isAffected,
  rangeCovers,
} from './advisoriesAffecting';
import { sortAdvisories, worstSeverity } from './severity';

function advisory(overrides: Partial<Advisory>): Advisory {
  return {
    id: 'CVE-0000-0001',
    engine: 'redis',
    severity: 'high',
    summary: 'test',
    published: '2025-01-01',
    affected: [],
    links: [],
    ...overrides,
  };
}

// The shape of CVE-2024-31449: fixed on 6.2, 7.2 and 7.4, never on 7.0
// upstream, fixed for bookworm by Debian's 7.0.15-1~deb12u2.
const luaBit = advisory({
  id: 'CVE-2024-31449',
  affected: [
    { branch: '6.0' },
    { branch: '6.2', fixed: '6.2.16' },
    { branch: '7.0', fixedBuilds: ['7.0.15+deb12u2'] },
    { branch: '7.2', fixed: '7.2.6' },
    { branch: '7.4', fixed: '7.4.1' },
  ],
});

describe('rangeCovers', () => {
  it('honours introduced and fixed on the range’s branch only', () => {
    const range = { branch: '7.0', introduced: '7.0.9', fixed: '7.0.15' };
    expect(rangeCovers(range, '7.0.8')).toBe(false);
    expect(rangeCovers(range, '7.0.9')).toBe(true);
    expect(rangeCovers(range, '7.0.14')).toBe(true);
    expect(rangeCovers(range, '7.0.15')).toBe(false);
    expect(rangeCovers(range, '7.2.0')).toBe(false);
  });

  it('treats a build as its upstream release unless a build of its series fixed it', () => {
    const range = {
      branch: '7.0',
      fixedBuilds: ['7.0.15+deb12u8'],
    };
    expect(rangeCovers(range, '7.0.15')).toBe(true);
    expect(rangeCovers(range, '7.0.15+deb12u7')).toBe(true);
    expect(rangeCovers(range, '7.0.15+deb12u8')).toBe(false);
    expect(rangeCovers(range, '7.0.15+deb12u10')).toBe(false);
    // another distribution's build of the release is not covered by Debian's fix
    expect(rangeCovers(range, '7.0.15+el9.3')).toBe(true);
    // a Debian fix for 7.0.15 says nothing about 7.0.14
    expect(rangeCovers(range, '7.0.14+deb12u9')).toBe(true);
  });

  it('counts a build of the fixed release itself as fixed', () => {
    expect(
      rangeCovers({ branch: '6.2', fixed: '6.2.16' }, '6.2.16+deb12u1'),
    ).toBe(false);
  });
});

describe('advisoriesAffecting', () => {
  it('finds an unfixed branch, a fixed branch, and a Debian fix', () => {
    expect(isAffected(luaBit, 'redis', '6.0.16')).toBe(true);
    expect(isAffected(luaBit, 'redis', '6.2.15')).toBe(true);
    expect(isAffected(luaBit, 'redis', '6.2.16')).toBe(false);
    expect(isAffected(luaBit, 'redis', '7.0.15')).toBe(true);
    expect(isAffected(luaBit, 'redis', '7.0.15+deb12u2')).toBe(false);
    expect(isAffected(luaBit, 'redis', '8.0.0')).toBe(false);
    expect(isAffected(luaBit, 'valkey', '7.2.5')).toBe(false);
  });

  it('returns the affecting ones most severe first, nothing for an unreadable version', () => {
    const low = advisory({
      id: 'LOW',
      severity: 'low',
      affected: [{ branch: '7.0' }],
    });
    const critical = advisory({
      id: 'CRIT',
      severity: 'critical',
      affected: [{ branch: '7.0' }],
    });
    const other = advisory({ id: 'OTHER', affected: [{ branch: '6.0' }] });
    expect(
      advisoriesAffecting(
        [low, luaBit, other, critical],
        'redis',
        '7.0.15',
      ).map(a => a.id),
    ).toEqual(['CRIT', 'CVE-2024-31449', 'LOW']);
    expect(advisoriesAffecting([low], 'redis', 'unknown')).toEqual([]);
  });
});

describe('severity', () => {
  it('finds the worst and sorts by severity, then CVSS, then date', () => {
    const a = advisory({ id: 'a', severity: 'medium', cvss: 5 });
    const b = advisory({ id: 'b', severity: 'high', cvss: 7 });
    const c = advisory({ id: 'c', severity: 'high', cvss: 8.1 });
    expect(worstSeverity([a, b, c])).toBe('high');
    expect(worstSeverity([])).toBeUndefined();
    expect(sortAdvisories([a, b, c]).map(x => x.id)).toEqual(['c', 'b', 'a']);
  });
});
