import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { KubeTestCluster } from '@justmanage/integration-tests/src/platforms/kubernetes';
import { assertNoServersUnder } from '@justmanage/plugin-dbaas-node-test-utils';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesDriver } from '../KubernetesDriver';

export const REGION = 'eu-1';
export const NAMESPACE = 'redis-eu';

/**
 * A test cluster of its own for one test file: its own API port and pod
 * addresses (jest runs files side by side), the official image names
 * mapped onto the machine's binaries.
 */
export async function startCluster(
  port: number,
  subnet: string,
  first: { pods: number; services: number } = { pods: 10, services: 200 },
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'jm-kube-'));
  const cluster = await KubeTestCluster.start({
    dataDir,
    port,
    namespaces: [NAMESPACE],
    podAddresses: Array.from(
      { length: 40 },
      (_, i) => `${subnet}.${first.pods + i}`,
    ),
    serviceAddresses: Array.from(
      { length: 40 },
      (_, i) => `${subnet}.${first.services + i}`,
    ),
    images: {
      'redis:7.0.15': {
        binaries: {
          'redis-server': '/usr/bin/redis-server',
          'redis-cli': '/usr/bin/redis-cli',
        },
        entrypoint: ['redis-server'],
      },
    },
    probePeriodMs: 100,
    tls: true,
    // Room for the tests' instances, not for a 900 MB one.
    nodeCapacity: { cpu: '8', memory: '1Gi' },
  });
  return {
    cluster,
    dataDir,
    async stop() {
      await cluster.stop();
      await assertNoServersUnder(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function makeDriver(
  cluster: KubeTestCluster,
  extra: Record<string, unknown> = {},
) {
  return KubernetesDriver.fromConfig(
    new ConfigReader({
      dbaas: {
        drivers: {
          kubernetes: {
            regions: [
              {
                name: REGION,
                namespace: NAMESPACE,
                cluster: {
                  url: cluster.url,
                  token: cluster.token,
                  caData: cluster.caCertificate,
                },
              },
            ],
            images: [
              { engine: 'redis', version: '7.0.15', image: 'redis:7.0.15' },
            ],
            probePeriodSeconds: 1,
            limits: { memoryMb: { min: 16, max: 900 } },
            ...extra,
          },
        },
      },
    }),
    { logger: mockServices.logger.mock() },
  );
}
