const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Binary units, because Redis reports memory in bytes and users size their
 * instances in MiB; "1.5 MiB" then reads the same as the resources row.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // rates (network bytes per second) are averages, rarely whole bytes
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}
