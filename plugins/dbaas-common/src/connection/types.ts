/** A Sentinel that knows where the primary of a replicated instance is. */
export interface SentinelAddress {
  host: string;
  port: number;
}

/**
 * What a client needs to reach an instance: the primary's endpoint and the
 * user, and for replicated instances the Sentinels. Without `password` the
 * texts made from it ask for the password instead of carrying it, so they
 * can be shown where secrets must not go (a task log, a chat).
 * `ConnectionDetails` from GET /instances/{id}/connection is one.
 * @public
 */
export interface ConnectionTarget {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password?: string;
  /**
   * With TLS: the file the client reads the instance's CA from, as the user
   * saved it. A private CA is in no trust store, so without it redis-cli
   * refuses the server's certificate.
   */
  caFile?: string;
  /** Present: the texts connect through these Sentinels. */
  sentinel?: { masterName: string; endpoints: SentinelAddress[] };
}
