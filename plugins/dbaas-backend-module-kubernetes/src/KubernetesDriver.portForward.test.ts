import { runDriverConformance } from '@justmanage/plugin-dbaas-node-test-utils';
import { makeDriver, REGION, startCluster } from './__testUtils__/clusterKit';

jest.setTimeout(120_000);

let kit: Awaited<ReturnType<typeof startCluster>>;

/**
 * The conformance suite, replicas and Sentinels included, with the backend
 * outside the cluster: every Redis connection of the suite goes through
 * the driver's connector, a port-forward WebSocket through the test API
 * server to the pod.
 */
runDriverConformance({
  name: 'kubernetes driver through port-forwards',
  idPrefix: 'conf-kpf',
  platform: { region: REGION, engine: 'redis', version: '7.0.15' },
  replicas: 2,
  snapshots: false,
  createDriver: async () => {
    kit = await startCluster(19704, '127.0.95', { pods: 60, services: 210 });
    return makeDriver(kit.cluster, { connect: 'portForward' });
  },
  cleanUp: async () => {
    const forwarded = kit.cluster.portForwards;
    await kit.stop();
    // Every Redis connection of the suite went through a tunnel: dozens.
    if (forwarded < 10) {
      throw new Error(
        `Only ${forwarded} port-forwards served: the suite did not use the tunnels`,
      );
    }
  },
});
