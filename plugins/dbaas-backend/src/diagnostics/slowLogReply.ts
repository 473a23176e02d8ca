/** One entry of SLOWLOG GET as the server sends it. */
export interface RawSlowLogEntry {
  id: number;
  startedAt: string;
  durationMicros: number;
  argv: string[];
  client?: string;
  clientName?: string;
}

/**
 * Reads SLOWLOG GET's reply: id, unix time, microseconds, arguments, and
 * (since Redis 4) the client's address and name.
 */
export function parseSlowLogReply(reply: unknown): RawSlowLogEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.map(item => {
    const [id, time, micros, argv, client, clientName] = item as unknown[];
    return {
      id: Number(id),
      startedAt: new Date(Number(time) * 1000).toISOString(),
      durationMicros: Number(micros),
      argv: Array.isArray(argv) ? argv.map(String) : [],
      ...(client ? { client: String(client) } : {}),
      ...(clientName ? { clientName: String(clientName) } : {}),
    };
  });
}

/** Reads LATENCY LATEST's reply: event, unix time, latest and max ms. */
export function parseLatencyLatestReply(reply: unknown) {
  if (!Array.isArray(reply)) return [];
  return reply.map(item => {
    const [event, time, latest, max] = item as unknown[];
    return {
      event: String(event),
      latestAt: new Date(Number(time) * 1000).toISOString(),
      latestMs: Number(latest),
      maxMs: Number(max),
    };
  });
}

/** CONFIG GET's flat name, value, name, value reply as a map. */
export function configMap(reply: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!Array.isArray(reply)) return map;
  for (let i = 0; i + 1 < reply.length; i += 2) {
    map[String(reply[i])] = String(reply[i + 1]);
  }
  return map;
}
