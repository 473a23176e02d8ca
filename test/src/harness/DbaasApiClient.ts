import { Accepted, Connection, Instance, Operation } from './apiTypes';
import { guestToken } from './guestToken';

/** Options of {@link DbaasApiClient.waitForOperation}. */
export interface WaitOptions {
  /** Default 120 s. */
  timeoutMs?: number;
  /** Default 200 ms; raise it when many operations are polled at once. */
  intervalMs?: number;
  /**
   * Hold each request up to this long on the server (the `waitMs` long
   * poll, at most 30000) instead of sleeping between requests.
   */
  longPollMs?: number;
}

/**
 * The dbaas REST API as a user sees it: every call carries that user's
 * Backstage token, and any unexpected status throws with the response body.
 */
export class DbaasApiClient {
  readonly baseUrl: string;
  readonly #token: string;

  /** A client signed in as the example app's guest user. */
  static async asGuest(baseUrl: string): Promise<DbaasApiClient> {
    return new DbaasApiClient(baseUrl, await guestToken(baseUrl));
  }

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl;
    this.#token = token;
  }

  createInstance(body: Record<string, unknown>): Promise<Accepted> {
    return this.#json('POST', '/instances', [202], body);
  }

  /** Undefined when the API answers 404. */
  getInstance(id: string): Promise<Instance | undefined> {
    return this.#json('GET', `/instances/${id}`, [200, 404]);
  }

  async listInstances(): Promise<Instance[]> {
    const list = await this.#json<{ items: Instance[] }>('GET', '/instances', [
      200,
    ]);
    return list.items;
  }

  /** The platforms with the engine versions each runs. */
  async listPlatforms(): Promise<
    Array<{
      id: string;
      engines: Array<{ engine: string; versions: string[] }>;
    }>
  > {
    const list = await this.#json<{ items: any[] }>('GET', '/platforms', [200]);
    return list.items;
  }

  /** POST /instances/{id}/upgrade without dryRun: the upgrade operation. */
  upgradeInstance(
    id: string,
    body: Record<string, unknown>,
  ): Promise<Accepted> {
    return this.#json('POST', `/instances/${id}/upgrade`, [202], body);
  }

  deleteInstance(id: string): Promise<Accepted> {
    return this.#json('DELETE', `/instances/${id}`, [202]);
  }

  /** The instance's operations, newest first. */
  async listOperations(instanceId: string): Promise<Operation[]> {
    const list = await this.#json<{ items: Operation[] }>(
      'GET',
      `/instances/${instanceId}/operations`,
      [200],
    );
    return list.items;
  }

  getConnection(id: string): Promise<Connection> {
    return this.#json('GET', `/instances/${id}/connection`, [200]);
  }

  /** With `waitMs`, the server answers once the operation finished or the time ran out. */
  async getOperation(id: string, waitMs?: number): Promise<Operation> {
    const query = waitMs === undefined ? '' : `?waitMs=${waitMs}`;
    return (await this.#json<Operation | undefined>(
      'GET',
      `/operations/${id}${query}`,
      [200],
    ))!;
  }

  /** Polls until the operation has succeeded or failed, and returns it. */
  async waitForOperation(
    id: string,
    options: WaitOptions = {},
  ): Promise<Operation> {
    const { timeoutMs = 120_000, intervalMs = 200, longPollMs } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const operation = await this.getOperation(id, longPollMs);
      if (operation.status === 'succeeded' || operation.status === 'failed') {
        return operation;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `Operation ${id} was still ${
            operation.status
          } after ${timeoutMs} ms: ${JSON.stringify(operation.steps)}`,
        );
      }
      if (longPollMs === undefined) {
        await new Promise(r => setTimeout(r, intervalMs));
      }
    }
  }

  async #json<T>(
    method: string,
    path: string,
    expected: number[],
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/dbaas${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.#token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) {
      throw new Error(
        `${method} ${path} answered ${
          response.status
        }, expected ${expected.join(' or ')}: ${text.slice(0, 2000)}`,
      );
    }
    if (response.status === 404) {
      return undefined as T;
    }
    return JSON.parse(text) as T;
  }
}
