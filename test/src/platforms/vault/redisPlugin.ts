import Redis from 'ioredis';

/** What database/config/<name> holds for the Redis plugin. */
export interface RedisConnection {
  host: string;
  port: number;
  username: string;
  password: string;
  tls: boolean;
  caCert?: string;
}

/** The plugin's default rules when a role has no creation statement. */
export const DEFAULT_REDIS_USER_RULE = '["~*", "+@read"]';

/**
 * The commands Vault's Redis plugin (hashicorp/vault-plugin-database-redis)
 * sends, exactly: one connection per call, to the one node configured.
 * It never sends ACL SAVE, and never touches any other node.
 */
export class RedisPlugin {
  async #with<T>(
    connection: RedisConnection,
    run: (client: Redis) => Promise<T>,
  ): Promise<T> {
    const client = new Redis({
      host: connection.host,
      port: connection.port,
      ...(connection.tls
        ? { tls: connection.caCert ? { ca: connection.caCert } : {} }
        : {}),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableReadyCheck: false,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      // Explicit, so a refused login fails with Redis's own WRONGPASS.
      await client.call('AUTH', connection.username, connection.password);
      return await run(client);
    } finally {
      client.disconnect();
    }
  }

  /** Initialize with verify_connection: a login and a PING. */
  verify(connection: RedisConnection): Promise<void> {
    return this.#with(connection, async client => {
      await client.ping();
    });
  }

  /** NewUser: ACL SETUSER <name> ON ><password> <rules of the statement>. */
  newUser(
    connection: RedisConnection,
    username: string,
    password: string,
    statements: string[],
  ): Promise<void> {
    const statement =
      statements.filter(s => s.trim() !== '')[0] ?? DEFAULT_REDIS_USER_RULE;
    let rules: string[];
    try {
      rules = JSON.parse(statement);
    } catch (error) {
      throw new Error(
        `error unmarshalling REDIS rules in the creation statement JSON: ${
          (error as Error).message
        }`,
      );
    }
    return this.#with(connection, async client => {
      await client.call(
        'ACL',
        'SETUSER',
        username,
        'ON',
        `>${password}`,
        ...rules,
      );
    });
  }

  /** UpdateUser with a password: ACL GETUSER, then ACL SETUSER <name> RESETPASS ><new>. */
  changePassword(
    connection: RedisConnection,
    username: string,
    password: string,
  ): Promise<void> {
    return this.#with(connection, async client => {
      const user = await client.call('ACL', 'GETUSER', username);
      if (user === null) {
        throw new Error(
          `changeUserPassword for user ${username} failed, user not found!`,
        );
      }
      await client.call(
        'ACL',
        'SETUSER',
        username,
        'RESETPASS',
        `>${password}`,
      );
    });
  }

  /** DeleteUser: ACL DELUSER <name>. */
  deleteUser(connection: RedisConnection, username: string): Promise<void> {
    return this.#with(connection, async client => {
      await client.call('ACL', 'DELUSER', username);
    });
  }
}
