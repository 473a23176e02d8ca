/*
 * The parts of the dbaas REST contract (plugins/dbaas-backend/src/schema/
 * openapi.yaml) the tests read, written out so that the tests see the API
 * as any HTTP client does.
 */

export type InstanceStatus =
  | 'provisioning'
  | 'running'
  | 'updating'
  | 'down'
  | 'deleting'
  | 'failed';

export interface Instance {
  id: string;
  name: string;
  owner: string;
  status: InstanceStatus;
  endpoints: Array<{ role: string; host: string; port: number; tls: boolean }>;
  [key: string]: unknown;
}

export interface OperationStep {
  name: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
}

export interface Operation {
  id: string;
  instanceId: string;
  type: 'create' | 'update' | 'delete';
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  steps: OperationStep[];
  log: Array<{ at: string; level: string; message: string }>;
  error?: string;
}

export interface Accepted {
  instance: Instance;
  operation: Operation;
}

export interface Connection {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
  url: string;
  /** Replicated instances: the Sentinels that name the current primary. */
  sentinel?: {
    masterName: string;
    endpoints: Array<{ host: string; port: number }>;
  };
}

/** The example body of a create request: a 32 MiB Redis 7.0.15 on the local driver. */
export function createRequest(
  name: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
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
