import type { Instance, Platform } from '@justmanage/plugin-dbaas-common';

export const BACKEND_URL = 'http://localhost:7007';
export const DBAAS_URL = `${BACKEND_URL}/api/dbaas`;

export function makeInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'id-cache-a',
    name: 'cache-a',
    owner: 'group:default/team-a',
    description: 'Session cache',
    engine: 'redis',
    version: '7.2.4',
    platform: 'local',
    region: 'eu-1',
    resources: { memoryMb: 256, cpu: 1, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'allkeys-lru',
    config: {},
    replicas: 0,
    status: 'running',
    endpoints: [{ role: 'primary', host: '127.0.0.1', port: 7100, tls: false }],
    health: {
      up: true,
      checkedAt: '2025-01-01T00:00:00Z',
      usedMemoryBytes: 12.3 * 1024 * 1024,
      uptimeSeconds: 3600,
    },
    createdBy: 'user:default/alice',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

export const platforms: Platform[] = [
  {
    id: 'local',
    title: 'Local processes',
    regions: ['eu-1'],
    engines: [{ engine: 'redis', versions: ['7.2.4'] }],
    ha: { replicas: false, maxReplicas: 0 },
    limits: {
      memoryMb: { min: 16, max: 1024 },
      cpu: { min: 0.1, max: 2 },
      diskGb: { min: 1, max: 10 },
    },
  },
  {
    id: 'k8s',
    title: 'Kubernetes',
    regions: ['eu-west', 'us-east'],
    engines: [
      { engine: 'redis', versions: ['7.0.15', '7.2.4'] },
      { engine: 'valkey', versions: ['8.0.1'] },
    ],
    ha: { replicas: true, maxReplicas: 2 },
    limits: {
      memoryMb: { min: 64, max: 8192 },
      cpu: { min: 0.25, max: 4 },
      diskGb: { min: 1, max: 100 },
    },
  },
];
