import type {
  Advisory,
  UpgradeCandidate,
} from '@justmanage/plugin-dbaas-common';
import { advisoryChange } from './advisoryChange';

const running: Advisory[] = [
  { id: 'CVE-A', aliases: ['GHSA-a'] } as Advisory,
  { id: 'CVE-B' } as Advisory,
];
const candidate = (fixes: string[], openAdvisories: string[]) =>
  ({ fixes, openAdvisories } as unknown as UpgradeCandidate);

describe('advisoryChange', () => {
  it.each([
    [[], [], 'fixes no known advisory'],
    [['CVE-A', 'CVE-B'], [], 'fixes 2 advisories'],
    [['CVE-A'], ['CVE-B'], 'fixes 1 advisory, leaves 1 open'],
    [
      [],
      ['CVE-C', 'CVE-D', 'CVE-B'],
      'fixes no known advisory, introduces 2, leaves 1 open',
    ],
    [['CVE-B'], ['GHSA-a'], 'fixes 1 advisory, leaves 1 open'],
  ])('fixes %j, target open %j: "%s"', (fixes, open, text) => {
    expect(advisoryChange(candidate(fixes, open), running)).toBe(text);
  });
});
