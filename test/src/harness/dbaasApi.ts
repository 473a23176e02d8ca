import { ResponseError } from '@backstage/errors';
import {
  DbaasApiClient,
  CreateInstanceRequest,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import { guestToken } from './guestToken';
import {
  harvestLiveBackends,
  recordSecretsInJson,
  sweepDir,
} from './sweepArtifacts';

/** Records the passwords in an answer for the secrets sweep. */
async function recordSecretsOf(response: Response): Promise<Response> {
  if (sweepDir() && response.headers.get('content-type')?.includes('json')) {
    const body = await response
      .clone()
      .json()
      .catch(() => undefined);
    recordSecretsInJson(body, `${response.url}`);
  }
  return response;
}

/**
 * The generated client of the dbaas REST API, acting as the user whose
 * Backstage token it sends: tests see the API as any HTTP client does.
 */
export function dbaasApi(baseUrl: string, token: string): DbaasApiClient {
  return new DbaasApiClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/dbaas` },
    fetchApi: {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init?.headers, Authorization: `Bearer ${token}` },
        }).then(recordSecretsOf),
    },
  });
}

/** The client signed in as the example app's guest user (team-a). */
export async function guestApi(baseUrl: string): Promise<DbaasApiClient> {
  return dbaasApi(baseUrl, await guestToken(baseUrl));
}

/** The instance, or undefined once the API answers 404 for it. */
export async function findInstance(
  api: DbaasApiClient,
  id: string,
): Promise<Instance | undefined> {
  try {
    return await api.getInstance(id);
  } catch (error) {
    if (error instanceof ResponseError && error.response.status === 404) {
      return undefined;
    }
    throw error;
  }
}

/** Options of {@link waitForOperation}. */
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

/** Polls until the operation has succeeded or failed, and returns it. */
export async function waitForOperation(
  api: DbaasApiClient,
  id: string,
  options: WaitOptions = {},
): Promise<Operation> {
  const { timeoutMs = 120_000, intervalMs = 200, longPollMs } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const operation = await api.getOperation(id, {
      query: longPollMs === undefined ? {} : { waitMs: longPollMs },
    });
    if (operation.status === 'succeeded' || operation.status === 'failed') {
      // Instances, users or certificates may have changed: read back the
      // secrets the backends hold now, for the secrets sweep.
      await harvestLiveBackends();
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

/** The example body of a create request: a 32 MiB Redis 7.0.15 on the local driver. */
export function createRequest(
  name: string,
  overrides: Partial<CreateInstanceRequest> = {},
): CreateInstanceRequest {
  return {
    name,
    owner: 'group:default/team-a',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'none',
    ...overrides,
  };
}
