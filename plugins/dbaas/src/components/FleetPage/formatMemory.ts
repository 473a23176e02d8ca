import type { Instance } from '@justmanage/plugin-dbaas-common';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Binary units, as Redis counts memory: 268435456 becomes "256 MiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Number() drops a trailing ".0", so whole sizes read "256 MiB".
  return `${Number(value.toFixed(1))} ${UNITS[unit]}`;
}

/**
 * "12.3 MiB / 256 MiB". The used part is "-" until a health check has read
 * it, which is also the case for every instance of an older backend.
 */
export function formatMemoryUsage(instance: Instance): string {
  const used = instance.health?.usedMemoryBytes;
  const max = formatBytes(instance.resources.memoryMb * 1024 * 1024);
  return `${used === undefined ? '-' : formatBytes(used)} / ${max}`;
}
