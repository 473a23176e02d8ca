import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ConnectionDetails,
  CreateInstanceRequest,
  Instance,
  InstanceStatus,
  Operation,
  Platform,
} from '@justmanage/plugin-dbaas-common';

/** What a create or delete returns: the instance and the operation doing the work. @public */
export interface DbaasAccepted {
  instance: Instance;
  operation: Operation;
}

/** @public */
export interface DbaasInstanceFilter {
  owner?: string;
  status?: InstanceStatus;
  platform?: string;
  name?: string;
}

/**
 * Every call carries credentials: the dbaas backend checks its permissions
 * against the principal they name, so a scaffolder task acting for a user
 * can do no more than that user could.
 * @public
 */
export interface DbaasService {
  listPlatforms(options: {
    credentials: BackstageCredentials;
  }): Promise<Platform[]>;
  listInstances(options: {
    credentials: BackstageCredentials;
    filter?: DbaasInstanceFilter;
  }): Promise<Instance[]>;
  getInstance(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<Instance>;
  createInstance(
    request: CreateInstanceRequest,
    options: { credentials: BackstageCredentials; idempotencyKey?: string },
  ): Promise<DbaasAccepted>;
  deleteInstance(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<DbaasAccepted>;
  getConnection(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ConnectionDetails>;
  /** With waitMs (at most 30000) the backend holds the call until the operation finishes. */
  getOperation(
    id: string,
    options: { credentials: BackstageCredentials; waitMs?: number },
  ): Promise<Operation>;
}

/**
 * Calls the dbaas backend's REST API through discovery, with a plugin
 * request token issued on behalf of the given credentials.
 * @public
 */
export class DbaasClient implements DbaasService {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  static create(options: { discovery: DiscoveryService; auth: AuthService }) {
    return new DbaasClient(options.discovery, options.auth);
  }

  private constructor(discovery: DiscoveryService, auth: AuthService) {
    this.#discovery = discovery;
    this.#auth = auth;
  }

  async listPlatforms(options: { credentials: BackstageCredentials }) {
    const body = await this.#call<{ items: Platform[] }>('/platforms', options);
    return body.items;
  }

  async listInstances(options: {
    credentials: BackstageCredentials;
    filter?: DbaasInstanceFilter;
  }) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.filter ?? {})) {
      if (value !== undefined) query.set(key, value);
    }
    const suffix = query.size ? `?${query}` : '';
    const body = await this.#call<{ items: Instance[] }>(
      `/instances${suffix}`,
      options,
    );
    return body.items;
  }

  async getInstance(
    id: string,
    options: { credentials: BackstageCredentials },
  ) {
    return this.#call<Instance>(
      `/instances/${encodeURIComponent(id)}`,
      options,
    );
  }

  async createInstance(
    request: CreateInstanceRequest,
    options: { credentials: BackstageCredentials; idempotencyKey?: string },
  ) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
    };
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    return this.#call<DbaasAccepted>('/instances', options, {
      method: 'POST',
      headers,
      body: JSON.stringify(request),
    });
  }

  async deleteInstance(
    id: string,
    options: { credentials: BackstageCredentials },
  ) {
    return this.#call<DbaasAccepted>(
      `/instances/${encodeURIComponent(id)}`,
      options,
      { method: 'DELETE' },
    );
  }

  async getConnection(
    id: string,
    options: { credentials: BackstageCredentials },
  ) {
    return this.#call<ConnectionDetails>(
      `/instances/${encodeURIComponent(id)}/connection`,
      options,
    );
  }

  async getOperation(
    id: string,
    options: { credentials: BackstageCredentials; waitMs?: number },
  ) {
    const suffix =
      options.waitMs !== undefined
        ? `?waitMs=${Math.round(options.waitMs)}`
        : '';
    return this.#call<Operation>(
      `/operations/${encodeURIComponent(id)}${suffix}`,
      options,
    );
  }

  async #call<T>(
    path: string,
    options: { credentials: BackstageCredentials },
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
    } = {},
  ): Promise<T> {
    const baseUrl = await this.#discovery.getBaseUrl('dbaas');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'dbaas',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
