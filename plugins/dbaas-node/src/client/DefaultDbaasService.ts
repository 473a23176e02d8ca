import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { DbaasService } from './DbaasService';

/**
 * Gives clients that find the dbaas backend through discovery and sign each
 * request with a plugin request token issued on behalf of the credentials.
 * @public
 */
export class DefaultDbaasService implements DbaasService {
  readonly #discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  readonly #auth: Pick<AuthService, 'getPluginRequestToken'>;

  static create(options: {
    discovery: Pick<DiscoveryService, 'getBaseUrl'>;
    auth: Pick<AuthService, 'getPluginRequestToken'>;
  }): DefaultDbaasService {
    return new DefaultDbaasService(options.discovery, options.auth);
  }

  private constructor(
    discovery: Pick<DiscoveryService, 'getBaseUrl'>,
    auth: Pick<AuthService, 'getPluginRequestToken'>,
  ) {
    this.#discovery = discovery;
    this.#auth = auth;
  }

  forCredentials(credentials: BackstageCredentials): DbaasApiClient {
    const auth = this.#auth;
    return new DbaasApiClient({
      discoveryApi: this.#discovery,
      fetchApi: {
        // A token per request, as AuthService asks: a client kept for a long
        // task (a scaffolder wait) would outlive one token. The credentials
        // decide who calls, so a per-call `token` option is replaced.
        async fetch(input, init) {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'dbaas',
          });
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
  }
}
