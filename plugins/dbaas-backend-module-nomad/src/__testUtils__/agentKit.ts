import {
  NomadTestAgent,
  NomadTestAgentOptions,
} from '@justmanage/integration-tests/src/platforms/nomad';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoServersUnder } from '@justmanage/plugin-dbaas-node-test-utils';

/**
 * A test agent with two client nodes on their own loopback addresses, so
 * each test file can pick a network of its own and never meet another
 * file's ports (jest runs files side by side).
 */
export async function startAgent(
  network: string,
  ports: { min: number; max: number },
  extra: Partial<NomadTestAgentOptions> = {},
): Promise<{ agent: NomadTestAgent; dataDir: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jm-nomad-agent-'));
  const agent = await NomadTestAgent.start({
    dataDir,
    nodes: [
      { name: 'client-1', address: `${network}.1`, memoryMB: 1024, ports },
      { name: 'client-2', address: `${network}.2`, memoryMB: 1024, ports },
    ],
    ...extra,
  });
  return {
    agent,
    dataDir,
    async stop() {
      await agent.stop();
      await assertNoServersUnder(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (or throws the last error on timeout). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}${
          last ? `: ${(last as Error).message}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 50));
  }
}
