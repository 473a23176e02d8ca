import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ConnectionDetails,
  Instance,
  Operation,
  Platform,
} from '@justmanage/plugin-dbaas-common';
import {
  DbaasAcceptedResponse,
  DbaasApi,
  DbaasInstanceFilter,
} from './DbaasApi';

/**
 * Talks to /api/dbaas through the app's fetchApi, which adds the user's
 * Backstage token.
 * @public
 */
export class DbaasClient implements DbaasApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listPlatforms(): Promise<Platform[]> {
    return (await this.#get<{ items: Platform[] }>('/platforms')).items;
  }

  async listInstances(filter: DbaasInstanceFilter = {}): Promise<Instance[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value) query.set(key, value);
    }
    const suffix = query.toString() ? `?${query}` : '';
    return (await this.#get<{ items: Instance[] }>(`/instances${suffix}`))
      .items;
  }

  async getInstance(id: string): Promise<Instance> {
    return this.#get(`/instances/${encodeURIComponent(id)}`);
  }

  async listOperations(instanceId: string): Promise<Operation[]> {
    const path = `/instances/${encodeURIComponent(instanceId)}/operations`;
    return (await this.#get<{ items: Operation[] }>(path)).items;
  }

  async getConnection(instanceId: string): Promise<ConnectionDetails> {
    return this.#get(`/instances/${encodeURIComponent(instanceId)}/connection`);
  }

  async deleteInstance(id: string): Promise<DbaasAcceptedResponse> {
    return this.#request(`/instances/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async getOperation(
    id: string,
    options: { waitMs?: number } = {},
  ): Promise<Operation> {
    const suffix =
      options.waitMs !== undefined ? `?waitMs=${options.waitMs}` : '';
    return this.#get(`/operations/${encodeURIComponent(id)}${suffix}`);
  }

  #get<T>(path: string): Promise<T> {
    return this.#request(path, { method: 'GET' });
  }

  async #request<T>(path: string, init: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('dbaas');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
