import { RespConnection } from '../../bigkeys/resp/RespConnection';
import { MemoryUsage } from './rankByMemory';

/**
 * MEMORY USAGE through an admin connection, with default sampling as
 * redis-cli --memkeys asks it, one pipeline per database. The connection's
 * database is left on the last one asked.
 */
export function respMemoryUsage(connection: RespConnection): MemoryUsage {
  return async keys => {
    const sizes = new Array<number | null>(keys.length).fill(null);
    const dbs = [...new Set(keys.map(k => k.db))];
    for (const db of dbs) {
      const at = keys.flatMap((k, i) => (k.db === db ? [i] : []));
      const replies = await connection.send([
        ['SELECT', String(db)],
        ...at.map(i => ['MEMORY', 'USAGE', keys[i].key]),
      ]);
      at.forEach((i, n) => {
        const reply = replies[n + 1];
        if (reply instanceof Error) throw reply;
        sizes[i] = typeof reply === 'number' ? reply : null;
      });
    }
    return sizes;
  };
}
