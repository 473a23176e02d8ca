import { runDriverConformance } from '@justmanage/plugin-dbaas-node-test-utils';
import { rm } from 'node:fs/promises';
import {
  assertNoServersUnder,
  makeDataDir,
  makeDriver,
} from './__testUtils__/localDriverTestKit';

jest.setTimeout(120_000);

/**
 * The conformance suite in both of the driver's addressing modes. With
 * `loopback` every node listens on 6379 at its own address, as pods do,
 * so a driver (or control plane) that told nodes apart by port would fail.
 */
for (const mode of [
  {
    name: 'local driver, a port per node',
    idPrefix: 'conf-ports',
    settings: { portRange: { start: 19100, end: 19129 } },
  },
  {
    name: 'local driver, one port (6379) on an address per node',
    idPrefix: 'conf-loopback',
    settings: {
      addressing: 'loopback',
      loopback: { network: '127.0.78.0/24', port: 6379 },
    },
  },
]) {
  let dataDir: string;
  runDriverConformance({
    name: mode.name,
    idPrefix: mode.idPrefix,
    platform: { region: 'local', engine: 'redis', version: '7.0.15' },
    replicas: 2,
    snapshots: true,
    createDriver: async () => {
      dataDir = await makeDataDir();
      return makeDriver(
        dataDir,
        { start: 19100, end: 19129 },
        {
          supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
          sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
          ...mode.settings,
        },
      );
    },
    cleanUp: async () => {
      await assertNoServersUnder(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}
