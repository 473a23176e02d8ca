/**
 * The memory a data node's task reserves in Nomad for `maxmemory` MB of
 * data: room for a fork's copy-on-write during BGSAVE and AOF rewrites
 * (half again) and the server's own overhead (32 MB), rounded up to a
 * step. Nomad cannot resize a running allocation, so a new reservation
 * means a new allocation; rounding lets most resizes stay within the
 * reservation and reach the server live with CONFIG SET instead.
 */
export function memoryReservationMb(
  maxmemoryMb: number,
  stepMb: number,
): number {
  const needed = maxmemoryMb * 1.5 + 32;
  return Math.ceil(needed / stepMb) * stepMb;
}
