import net from 'node:net';
import Redis from 'ioredis';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { Driver } from '@justmanage/plugin-dbaas-node';
import { OperationDeps } from '../../operations/types';
import { convergeUsersOnNodes } from '../../users/convergeUsersOnNodes';
import { VAULT_USERNAME } from '../vaultUsernames';
import { CommandReader, encodeReply } from './resp';
import { userAfterSetUser } from './vaultAclCommand';

export interface GatewayDeps
  extends Pick<OperationDeps, 'credentials' | 'users' | 'admin'> {
  logger: LoggerService;
  rotationGraceMs: number;
}

/** Where Vault is told to connect for one instance. */
export interface GatewayAddress {
  host: string;
  port: number;
}

/**
 * What Vault's Redis plugin connects to instead of a node: it speaks
 * Redis' protocol, lets in only the instance's Vault user (checked by
 * logging in to the primary with the same password), and carries out the
 * plugin's user commands on every data node and Sentinel and in every ACL
 * file before answering, so a user Vault creates works everywhere by the
 * time Vault hands out its password, and a rotation adds the new password
 * beside the old instead of cutting it. Other commands go to the primary
 * as the Vault user, whose own rules apply.
 */
export class VaultGateway {
  readonly #deps: GatewayDeps;
  readonly #driver: Driver;
  readonly #instance: () => Promise<Instance | undefined>;
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  /** One change of users at a time per instance, in the order Vault sent them. */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(
    deps: GatewayDeps,
    driver: Driver,
    instance: () => Promise<Instance | undefined>,
  ) {
    this.#deps = deps;
    this.#driver = driver;
    this.#instance = instance;
    this.#server = net.createServer(socket => this.#serve(socket));
  }

  listen(address: GatewayAddress): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(address.port, address.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>(resolve => this.#server.close(() => resolve()));
  }

  #serve(socket: net.Socket) {
    this.#sockets.add(socket);
    const reader = new CommandReader();
    // Vault's login on the primary, once AUTH succeeded; commands in order.
    const session: { upstream?: Redis; queue: Promise<unknown> } = {
      queue: Promise.resolve(),
    };
    const reply = (value: unknown) => {
      if (!socket.destroyed) socket.write(encodeReply(value));
    };
    socket.on('data', (chunk: Buffer) => {
      let commands: string[][];
      try {
        commands = reader.push(chunk);
      } catch (error) {
        reply(error);
        socket.destroy();
        return;
      }
      for (const command of commands) {
        session.queue = session.queue.then(async () => {
          try {
            const answer = await this.#handle(
              command,
              session.upstream,
              client => {
                session.upstream?.disconnect();
                session.upstream = client;
              },
            );
            reply(answer);
            if (command[0]?.toLowerCase() === 'quit') socket.end();
          } catch (error) {
            reply(error);
          }
        });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      session.upstream?.disconnect();
    });
  }

  async #handle(
    command: string[],
    upstream: Redis | undefined,
    authenticated: (client: Redis) => void,
  ): Promise<unknown> {
    const [name = '', sub = '', ...args] = command;
    const verb = name.toLowerCase();
    if (verb === 'auth') return this.#auth(command.slice(1), authenticated);
    if (verb === 'quit') return 'OK';
    if (!upstream) return new Error('NOAUTH Authentication required.');
    if (verb === 'acl' && sub.toLowerCase() === 'setuser' && args.length) {
      return this.#serially(() => this.#setUser(args[0], args.slice(1)));
    }
    if (verb === 'acl' && sub.toLowerCase() === 'deluser') {
      return this.#serially(() => this.#delUsers(args));
    }
    return upstream.call(name, ...command.slice(1));
  }

  async #auth(
    args: string[],
    authenticated: (client: Redis) => void,
  ): Promise<unknown> {
    const [username, password] =
      args.length === 1 ? ['default', args[0]] : args;
    if (username !== VAULT_USERNAME) {
      return new Error(
        'WRONGPASS invalid username-password pair or user is disabled.',
      );
    }
    const instance = await this.#instance();
    if (!instance) return new Error('ERR the instance is gone');
    const observed = await this.#driver.observe(instance.id);
    const primary = observed.nodes.find(
      n => n.role === 'primary' && n.phase === 'running' && n.endpoint,
    );
    if (!primary) return new Error('ERR the instance has no running primary');
    const client = new Redis({
      host: primary.endpoint!.host,
      port: primary.endpoint!.port,
      username,
      password,
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      return error;
    }
    authenticated(client);
    return 'OK';
  }

  #serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(run, run);
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async #current(): Promise<Instance> {
    const instance = await this.#instance();
    if (!instance) throw new Error('ERR the instance is gone');
    return instance;
  }

  async #setUser(username: string, args: string[]): Promise<unknown> {
    const instance = await this.#current();
    const users = await this.#deps.users.withPasswords(instance.id);
    const existing = users.find(u => u.username === username);
    const vault = (await this.#deps.users.vaultUsers(instance.id)).find(
      u => u.username === username,
    );
    const now = new Date();
    const record = userAfterSetUser(
      username,
      args,
      vault ??
        (existing && {
          rules: existing.rules,
          hashes: existing.hashes.map(hash => ({
            hash,
            addedAt: now.toISOString(),
          })),
        }),
      this.#deps.rotationGraceMs,
      now,
    );
    await this.#deps.users.putVaultUser(instance.id, record, 'vault');
    await convergeUsersOnNodes(
      { deps: this.#deps, driver: this.#driver },
      instance,
    );
    this.#deps.logger.info(
      `Vault ${existing || vault ? 'changed' : 'added'} user ${username} of ${
        instance.name
      }; set on every node`,
    );
    return 'OK';
  }

  async #delUsers(usernames: string[]): Promise<number> {
    const instance = await this.#current();
    const vault = await this.#deps.users.vaultUsers(instance.id);
    const gone = usernames.filter(name => vault.some(u => u.username === name));
    for (const username of gone) {
      await this.#deps.users.delete(instance.id, username);
    }
    await convergeUsersOnNodes(
      { deps: this.#deps, driver: this.#driver },
      instance,
      { removesVaultUsers: () => true },
    );
    return gone.length;
  }
}
