import fc from 'fast-check';
import {
  compareBuilds,
  compareVersions,
  sameBuildSeries,
} from './compareVersions';
import { parseEngineVersion } from './parseEngineVersion';

describe('parseEngineVersion', () => {
  it('splits upstream, branch and build', () => {
    expect(parseEngineVersion('7.0.15+deb12u10')).toEqual({
      upstream: '7.0.15',
      major: 7,
      minor: 0,
      patch: 15,
      branch: '7.0',
      build: 'deb12u10',
    });
    expect(parseEngineVersion('8.0.1')).toEqual({
      upstream: '8.0.1',
      major: 8,
      minor: 0,
      patch: 1,
      branch: '8.0',
    });
  });

  it('rejects what is not a release a platform can run', () => {
    for (const bad of [
      '8.0-rc1',
      '7.0',
      'v7.0.15',
      '7.0.15+',
      '',
      '7.0.15-1',
    ]) {
      expect(parseEngineVersion(bad)).toBeUndefined();
    }
  });
});

describe('compareVersions', () => {
  it('orders numerically, a release before its builds, builds by Debian revision', () => {
    const ordered = [
      '6.0.16',
      '6.0.16+deb11u2',
      '6.2.9',
      '6.2.20',
      '7.0.15',
      '7.0.15+deb12u7',
      '7.0.15+deb12u8',
      '7.0.15+deb12u10',
      '7.2.4',
      '7.10.0',
      '8.0.1',
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(ordered);
  });

  it('is a total order on generated versions', () => {
    const version = fc
      .tuple(
        fc.nat(20),
        fc.nat(20),
        fc.nat(30),
        fc.option(fc.nat(30), { nil: undefined }),
      )
      .map(
        ([a, b, c, u]) =>
          `${a}.${b}.${c}${u === undefined ? '' : `+deb12u${u}`}`,
      );
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(Math.sign(compareVersions(a, b))).toBe(
          -Math.sign(compareVersions(b, a)),
        );
        // transitive: a <= b and b <= c give a <= c
        return (
          compareVersions(a, b) > 0 ||
          compareVersions(b, c) > 0 ||
          compareVersions(a, c) <= 0
        );
      }),
    );
  });

  it('refuses to order versions it cannot read', () => {
    expect(() => compareVersions('7.0.15', 'latest')).toThrow(
      "Cannot compare engine versions '7.0.15' and 'latest'",
    );
  });
});

describe('builds', () => {
  it('compares revision numbers as numbers', () => {
    expect(compareBuilds('deb12u10', 'deb12u7')).toBeGreaterThan(0);
    expect(compareBuilds('deb12u7', 'deb12u7')).toBe(0);
    expect(compareBuilds('bpo12.1', 'bpo12.2')).toBeLessThan(0);
  });

  it('knows which uploads carry each other’s fixes', () => {
    expect(sameBuildSeries('deb12u7', 'deb12u10')).toBe(true);
    expect(sameBuildSeries('deb11u2', 'deb12u7')).toBe(false);
    expect(sameBuildSeries('custom', 'custom')).toBe(false);
  });
});
