import { classifyChange } from './classifyChange';

const redis = (version: string) => ({ engine: 'redis' as const, version });
const valkey = (version: string) => ({ engine: 'valkey' as const, version });

describe('classifyChange', () => {
  it('names the first part of the version that changes', () => {
    expect(classifyChange(redis('7.0.12'), redis('7.0.15'))).toBe('patch');
    expect(classifyChange(redis('7.0.15'), redis('7.2.4'))).toBe('minor');
    expect(classifyChange(redis('6.0.16'), redis('7.0.15'))).toBe('major');
  });

  it('counts a newer Debian build of the same release as a patch', () => {
    expect(
      classifyChange(redis('7.0.15+deb12u7'), redis('7.0.15+deb12u10')),
    ).toBe('patch');
    expect(classifyChange(redis('7.0.15'), redis('7.0.15+deb12u7'))).toBe(
      'patch',
    );
  });

  it('calls any older version a downgrade, builds included', () => {
    expect(classifyChange(redis('7.0.15'), redis('6.0.16'))).toBe('downgrade');
    expect(
      classifyChange(redis('7.0.15+deb12u10'), redis('7.0.15+deb12u7')),
    ).toBe('downgrade');
  });

  it('is undefined for the same version', () => {
    expect(
      classifyChange(redis('7.0.15+deb12u7'), redis('7.0.15+deb12u7')),
    ).toBeUndefined();
  });

  it('treats redis to valkey as major, whatever the versions', () => {
    expect(classifyChange(redis('7.0.15'), valkey('8.0.1'))).toBe('major');
    expect(classifyChange(redis('8.0.2'), valkey('7.2.5'))).toBe('major');
  });

  it('treats valkey to a redis older than 7.2.4 as a downgrade, else major', () => {
    expect(classifyChange(valkey('8.0.1'), redis('7.0.15'))).toBe('downgrade');
    expect(classifyChange(valkey('8.0.1'), redis('7.2.4'))).toBe('major');
    expect(classifyChange(valkey('8.0.1'), redis('7.4.2'))).toBe('major');
  });
});
