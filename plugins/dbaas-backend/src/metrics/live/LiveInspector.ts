import { ServiceUnavailableError } from '@backstage/errors';
import {
  Instance,
  InstanceEndpoint,
  KeyspaceReport,
  ReplicationNode,
  ReplicationReport,
} from '@justmanage/plugin-dbaas-common';
import { CredentialStore } from '../../database/CredentialStore';
import { RedisAdmin, RedisLogin } from '../../redis/RedisAdmin';
import { targetOf } from '../../redis/redisTarget';
import { keyspaceOf } from '../info/keyspace';
import { parseInfo } from '../info/parseInfo';
import { NodeReplication, replicationOf } from '../info/replication';

/**
 * Keyspace and replication asked of the instance when a user looks, rather
 * than from the last collection: replication state a few seconds old is
 * not what someone checking a failover wants to see.
 */
export class LiveInspector {
  readonly #admin: RedisAdmin;
  readonly #credentials: CredentialStore;

  constructor(admin: RedisAdmin, credentials: CredentialStore) {
    this.#admin = admin;
    this.#credentials = credentials;
  }

  async keyspace(instance: Instance): Promise<KeyspaceReport> {
    const { primary, login } = await this.#target(instance);
    const text = await this.#ask(instance, primary, login, 'keyspace');
    return {
      instanceId: instance.id,
      readAt: new Date().toISOString(),
      databases: keyspaceOf(parseInfo(text)),
    };
  }

  async replication(instance: Instance): Promise<ReplicationReport> {
    const { primary, login } = await this.#target(instance);
    const primaryView = replicationOf(
      parseInfo(await this.#ask(instance, primary, login, 'replication')),
    );
    const replicas = instance.endpoints.filter(e => e.role === 'replica');
    const replicaNodes = await Promise.all(
      replicas.map(async endpoint => {
        try {
          const view = replicationOf(
            parseInfo(
              await this.#ask(instance, endpoint, login, 'replication'),
            ),
          );
          return nodeOf(endpoint, view);
        } catch (error) {
          const node: ReplicationNode = {
            host: endpoint.host,
            port: endpoint.port,
            role: 'replica',
            offset: 0,
            error: (error as Error).message,
          };
          return node;
        }
      }),
    );
    return {
      instanceId: instance.id,
      readAt: new Date().toISOString(),
      role: primaryView.role,
      connectedReplicas: primaryView.replicas.length,
      replicas: primaryView.replicas,
      nodes: [nodeOf(primary, primaryView), ...replicaNodes],
    };
  }

  async #target(instance: Instance) {
    const primary = instance.endpoints.find(e => e.role === 'primary');
    const login = await this.#credentials.get(instance.id, 'admin');
    if (!primary || !login) {
      throw new ServiceUnavailableError(
        `Instance ${instance.name} has no endpoint yet (status ${instance.status})`,
      );
    }
    return { primary, login };
  }

  async #ask(
    instance: Instance,
    endpoint: InstanceEndpoint,
    login: RedisLogin,
    section: string,
  ): Promise<string> {
    try {
      return await this.#admin.withConnection(
        targetOf(instance, endpoint),
        login,
        redis => redis.info(section),
      );
    } catch (error) {
      throw new ServiceUnavailableError(
        `Instance ${instance.name} did not answer INFO ${section}: ${
          (error as Error).message
        }`,
      );
    }
  }
}

function nodeOf(
  endpoint: InstanceEndpoint,
  view: NodeReplication,
): ReplicationNode {
  return {
    host: endpoint.host,
    port: endpoint.port,
    role: view.role,
    offset: view.offset,
    ...(view.primaryLink ? { primaryLink: view.primaryLink } : {}),
  };
}
