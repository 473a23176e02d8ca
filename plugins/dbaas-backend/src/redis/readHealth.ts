import Redis from 'ioredis';
import { parseInfo } from '../metrics/info/parseInfo';

/** What a health check records besides up or down. */
export interface HealthReading {
  usedMemoryBytes?: number;
  uptimeSeconds?: number;
}

/**
 * PING, then the INFO fields a health check records. The two sections are
 * asked one by one because Redis 6.0 takes a single section per INFO.
 * Fields an engine does not report are left out.
 */
export async function readHealth(redis: Redis): Promise<HealthReading> {
  const reply = await redis.ping();
  if (reply !== 'PONG') {
    throw new Error(`Unexpected PING reply '${reply}'`);
  }
  const info = parseInfo(await redis.info('server'));
  Object.assign(info, parseInfo(await redis.info('memory')));
  return {
    ...numberField(info, 'used_memory', 'usedMemoryBytes'),
    ...numberField(info, 'uptime_in_seconds', 'uptimeSeconds'),
  };
}

function numberField<K extends string>(
  info: Record<string, string>,
  field: string,
  as: K,
): Partial<Record<K, number>> {
  const value = Number(info[field]);
  return info[field] !== undefined && Number.isFinite(value)
    ? ({ [as]: value } as Partial<Record<K, number>>)
    : {};
}
