import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { DbaasService } from '@justmanage/plugin-dbaas-node';
import { instanceToEntity } from './instanceToEntity';

/**
 * Mirrors every dbaas instance into the catalog as a `Resource` entity.
 *
 * Each run replaces the whole set (a full mutation), so an instance deleted
 * in the dbaas backend leaves the catalog on the next run.
 * @public
 */
export class DbaasEntityProvider implements EntityProvider {
  readonly #dbaas: DbaasService;
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;
  readonly #appBaseUrl: string;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #logger: LoggerService;
  #connection?: EntityProviderConnection;

  static create(options: {
    dbaas: DbaasService;
    auth: AuthService;
    discovery: DiscoveryService;
    /** `app.baseUrl`, for the links to the Redis tab. */
    appBaseUrl: string;
    taskRunner: SchedulerServiceTaskRunner;
    logger: LoggerService;
  }): DbaasEntityProvider {
    return new DbaasEntityProvider(options);
  }

  private constructor(options: {
    dbaas: DbaasService;
    auth: AuthService;
    discovery: DiscoveryService;
    appBaseUrl: string;
    taskRunner: SchedulerServiceTaskRunner;
    logger: LoggerService;
  }) {
    this.#dbaas = options.dbaas;
    this.#auth = options.auth;
    this.#discovery = options.discovery;
    this.#appBaseUrl = options.appBaseUrl.replace(/\/+$/, '');
    this.#taskRunner = options.taskRunner;
    this.#logger = options.logger.child({ target: this.getProviderName() });
  }

  getProviderName(): string {
    return 'dbaas-entity-provider';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          // The next run tries again; the entities of the last good run stay.
          this.#logger.warn(`Could not refresh dbaas instances: ${error}`);
        }
      },
    });
  }

  /** Reads every instance and replaces the provider's entities with them. */
  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    // Its own service credentials: the catalog must list every instance,
    // whatever any one user may read; the catalog's own permissions then
    // decide who sees which entity.
    const credentials = await this.#auth.getOwnServiceCredentials();
    // A failed listing throws before the mutation, so an unreachable dbaas
    // backend never empties the catalog.
    const { items: instances } = await this.#dbaas
      .forCredentials(credentials)
      .listInstances();
    const dbaasBaseUrl = await this.#discovery.getExternalBaseUrl('dbaas');
    await this.#connection.applyMutation({
      type: 'full',
      entities: instances.map(instance => ({
        locationKey: this.getProviderName(),
        entity: instanceToEntity(instance, {
          appBaseUrl: this.#appBaseUrl,
          dbaasBaseUrl,
        }),
      })),
    });
    this.#logger.debug(`Provided ${instances.length} dbaas instances`);
  }
}
