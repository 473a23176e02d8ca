import { ConfigReader } from '@backstage/config';
import {
  aclPasswordHash,
  DriverInstanceSpec,
} from '@justmanage/plugin-dbaas-node';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { readKubernetesDriverSettings } from '../config';
import { buildManifests, Manifest } from '.';

/** The official schemas (kubernetes-models, generated from Kubernetes' OpenAPI), by kind. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  Secret,
  ConfigMap,
  Service,
  StatefulSet,
  PodDisruptionBudget,
  NetworkPolicy,
};

const settings = readKubernetesDriverSettings(
  new ConfigReader({
    dbaas: {
      drivers: {
        kubernetes: {
          regions: [
            {
              name: 'eu-1',
              namespace: 'redis-eu',
              cluster: { inCluster: true },
              storageClass: 'fast-ssd',
            },
          ],
          images: [
            { engine: 'redis', version: '7.0.15', image: 'redis:7.0.15' },
            {
              engine: 'valkey',
              version: '8.0.1',
              image: 'valkey/valkey:8.0.1',
            },
          ],
          controlPlane: { namespaces: ['backstage'], cidrs: ['10.0.0.0/24'] },
        },
      },
    },
  }),
);

function manifestsFor(overrides: Partial<DriverInstanceSpec>): Manifest[] {
  const engine = overrides.engine ?? 'redis';
  const image = settings.images.find(i => i.engine === engine)!;
  const manifests = buildManifests(
    {
      spec: {
        instanceId: '3f2a9c1e-0b7d-4c8e-9a51-2d6f0e4b7a10',
        name: 'orders',
        engine,
        version: image.version,
        region: 'eu-1',
        resources: { memoryMb: 256, cpu: 0.5, diskGb: 5 },
        persistence: 'none',
        maxmemoryPolicy: 'noeviction',
        config: {},
        replicas: 0,
        users: [
          {
            username: 'jm-admin',
            passwordHashes: [aclPasswordHash('x')],
            rules: '~* &* +@all',
          },
        ],
        admin: {
          username: 'jm-admin',
          password: { ref: 'a', reveal: async () => 'x' },
        },
        ...overrides,
      },
      settings,
      region: settings.regions[0],
      image,
      healthPassword: 'health',
      adminPassword: 'x',
    },
    { seed: '10.96.0.10', sentinels: '10.96.0.11' },
  );
  for (const m of manifests.slice(1)) {
    m.metadata.ownerReferences = [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        name: manifests[0].metadata.name,
        uid: '6c1f6c9e-2f55-4b8e-9d0a-6f5e0e3a1b22',
        blockOwnerDeletion: true,
      },
    ];
  }
  return manifests;
}

const validate = (m: Manifest) =>
  new MODELS[m.kind](structuredClone(m)).validate();

describe('every object the driver applies validates against the official Kubernetes schemas', () => {
  it.each([
    ['a standalone instance without persistence', {}],
    [
      'a persistent instance with an allow-list',
      {
        persistence: 'rdb' as const,
        allowList: { cidrs: ['10.42.0.0/16'], namespaces: ['orders'] },
      },
    ],
    [
      'an AOF instance with tunables and an empty allow-list',
      {
        persistence: 'aof' as const,
        config: { timeout: '300', hz: '20' },
        allowList: { cidrs: [] },
      },
    ],
    ['a valkey instance', { engine: 'valkey' as const }],
    [
      'an instance with two replicas and Sentinels',
      { replicas: 2, persistence: 'rdb' as const },
    ],
  ])('%s', (_name, overrides) => {
    const manifests = manifestsFor(overrides);
    const replicated = (overrides as Partial<DriverInstanceSpec>).replicas;
    expect(manifests.map(m => m.kind)).toEqual([
      'Secret',
      'ConfigMap',
      'Service',
      'Service',
      ...(replicated ? ['Service'] : []),
      'StatefulSet',
      ...(replicated ? ['StatefulSet'] : []),
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]);
    for (const m of manifests) expect(() => validate(m)).not.toThrow();
  });

  it('would catch a malformed object (the schemas are really checked)', () => {
    const sts = manifestsFor({}).find(m => m.kind === 'StatefulSet')!;
    (sts.spec as any).replicas = 'two';
    (
      sts.spec as any
    ).template.spec.containers[0].ports[0].containerPort = 70000;
    expect(() => validate(sts)).toThrow(/spec\/replicas must be integer/);
    const policy = manifestsFor({
      allowList: { cidrs: ['10.42.0.0/16'] },
    }).find(m => m.kind === 'NetworkPolicy')!;
    (policy.spec as any).ingress[0].from[0].ipBlock = { except: [] };
    expect(() => validate(policy)).toThrow(/cidr/);
  });
});
