import { Entity } from '@backstage/catalog-model';
import {
  DBAAS_INSTANCE_ID_ANNOTATION,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  const now = new Date().toISOString();
  return {
    id: 'inst-1',
    name: 'orders-cache',
    owner: 'group:default/team-a',
    description: 'Cache for the orders service',
    engine: 'redis',
    version: '7.2.4',
    platform: 'local',
    region: 'eu-1',
    resources: { memoryMb: 256, cpu: 0.5, diskGb: 2 },
    persistence: 'aof',
    maxmemoryPolicy: 'allkeys-lru',
    config: {},
    replicas: 0,
    status: 'running',
    endpoints: [
      {
        role: 'primary',
        host: 'orders-cache.redis.local',
        port: 7101,
        tls: false,
      },
    ],
    health: {
      up: true,
      checkedAt: now,
      usedMemoryBytes: 1.5 * 1024 * 1024,
      uptimeSeconds: 3 * 86_400 + 4 * 3_600,
    },
    createdBy: 'user:default/alice',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function anOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'op-1',
    instanceId: 'inst-1',
    type: 'create',
    status: 'succeeded',
    params: {},
    steps: [
      {
        name: 'allocate-port',
        status: 'succeeded',
        attempts: 1,
        startedAt: '2025-03-01T10:00:00Z',
        finishedAt: '2025-03-01T10:00:01Z',
      },
    ],
    log: [],
    createdBy: 'user:default/alice',
    createdAt: '2025-03-01T10:00:00Z',
    startedAt: '2025-03-01T10:00:00Z',
    finishedAt: '2025-03-01T10:00:42Z',
    ...overrides,
  };
}

export function anEntity(instanceId?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'orders-cache',
      annotations: instanceId
        ? { [DBAAS_INSTANCE_ID_ANNOTATION]: instanceId }
        : {},
    },
    spec: { type: 'redis', owner: 'group:default/team-a' },
  };
}
