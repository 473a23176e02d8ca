import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDriverConformance } from '@justmanage/plugin-dbaas-node-test-utils';
import { startAgent } from './__testUtils__/agentKit';
import { makeDriver, REGION } from './__testUtils__/driverKit';

jest.setTimeout(120_000);

let kit: Awaited<ReturnType<typeof startAgent>>;
let snapshotDir: string;

/**
 * The conformance suite on the test agent with ACLs on: the driver holds a
 * token with the policy docs/nomad.md gives, and every node is a real
 * redis-server started by the agent's client under raw_exec.
 */
runDriverConformance({
  name: 'nomad driver on the test agent',
  idPrefix: 'conf-nomad',
  platform: { region: REGION, engine: 'redis', version: '7.0.15' },
  replicas: 2,
  snapshots: true,
  createDriver: async () => {
    kit = await startAgent(
      '127.0.93',
      { min: 18460, max: 18499 },
      { acl: true },
    );
    snapshotDir = await mkdtemp(join(tmpdir(), 'jm-nomad-snapshots-'));
    return makeDriver(kit.agent, {
      sentinel: { downAfterMs: 2000, failoverTimeoutMs: 10_000 },
      // Restores are loaded from the backend's host over replication.
      snapshots: {
        dir: snapshotDir,
        restoreFrom: { host: '127.0.93.250', port: 19860 },
      },
    });
  },
  cleanUp: async () => {
    await kit.stop();
    await rm(snapshotDir, { recursive: true, force: true });
  },
  makeUnavailable: async () => {
    const restore = kit.agent.faults.failRequests({
      status: 500,
      body: 'No cluster leader',
    });
    return async () => restore();
  },
});
