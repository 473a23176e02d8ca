import type { Platform } from '@justmanage/plugin-dbaas-common';
import { chosenPlatform, platformOfForm } from './chosenPlatform';

describe('platformOfForm', () => {
  it('reads the named field, as an id or as a platform and region', () => {
    expect(platformOfForm({ where: 'k8s' }, 'where')).toBe('k8s');
    expect(
      platformOfForm({ where: { platform: 'k8s', region: 'eu' } }, 'where'),
    ).toBe('k8s');
    expect(platformOfForm({ other: 'local' }, 'where')).toBeUndefined();
  });

  it('finds a platform-and-region value without a named field', () => {
    expect(
      platformOfForm({
        name: 'cache',
        location: { platform: 'k8s', region: 'eu' },
      }),
    ).toBe('k8s');
  });

  it('falls back to a field named platform', () => {
    expect(platformOfForm({ platform: 'local' })).toBe('local');
    expect(platformOfForm({ name: 'cache' })).toBeUndefined();
    expect(platformOfForm(undefined)).toBeUndefined();
  });
});

describe('chosenPlatform', () => {
  const platforms = [{ id: 'local' }, { id: 'k8s' }] as Platform[];

  it('is the chosen platform, or the first when none is chosen', () => {
    expect(chosenPlatform(platforms, { platform: 'k8s' })?.id).toBe('k8s');
    expect(chosenPlatform(platforms, {})?.id).toBe('local');
  });

  it('is undefined when the chosen platform is not offered', () => {
    expect(chosenPlatform(platforms, { platform: 'gone' })).toBeUndefined();
  });
});
