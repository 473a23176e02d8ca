import { offersEngineVersion } from './engineVersion';

describe('offersEngineVersion', () => {
  it('accepts a plain release on a platform that offers one of its builds', () => {
    const offered = ['6.0.16+deb11u2', '7.0.15+deb12u7', '7.0.15+deb12u10'];
    expect(offersEngineVersion(offered, '7.0.15+deb12u7')).toBe(true);
    expect(offersEngineVersion(offered, '7.0.15')).toBe(true);
    expect(offersEngineVersion(offered, '7.0.15+deb12u8')).toBe(false);
    expect(offersEngineVersion(offered, '7.0.14')).toBe(false);
    expect(offersEngineVersion(['7.0.15'], '7.0.15')).toBe(true);
  });
});
