import type { Instance } from '@justmanage/plugin-dbaas-common';
import { formatBytes, formatMemoryUsage } from './formatMemory';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [12.3 * 1024 * 1024, '12.3 MiB'],
    [256 * 1024 * 1024, '256 MiB'],
    [1024 * 1024 * 1024, '1 GiB'],
  ])('formats %p bytes as %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatMemoryUsage', () => {
  const base = { resources: { memoryMb: 256, cpu: 1, diskGb: 1 } };

  it('shows used of max when a health check read the usage', () => {
    const instance = {
      ...base,
      health: {
        up: true,
        checkedAt: '2025-01-01T00:00:00Z',
        usedMemoryBytes: 12.3 * 1024 * 1024,
      },
    } as Instance;
    expect(formatMemoryUsage(instance)).toBe('12.3 MiB / 256 MiB');
  });

  it('shows a dash for the used part when it is unknown', () => {
    expect(formatMemoryUsage(base as Instance)).toBe('- / 256 MiB');
  });
});
