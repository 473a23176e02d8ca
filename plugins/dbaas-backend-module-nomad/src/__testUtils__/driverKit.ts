import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NomadTestAgent } from '@justmanage/integration-tests/src/platforms/nomad';
import { NomadDriver } from '../NomadDriver';
import { nomadDriverPolicy } from '../aclPolicy';

export const REGION = 'eu-1';

/** A driver on the test agent, with a token holding exactly the documented policy. */
export function makeDriver(
  agent: NomadTestAgent,
  extra: Record<string, unknown> = {},
): NomadDriver {
  const token = agent.managementToken
    ? agent.createClientToken(
        `jm-driver-${Math.random().toString(36).slice(2)}`,
        nomadDriverPolicy(),
      )
    : undefined;
  return NomadDriver.fromConfig(
    new ConfigReader({
      dbaas: {
        drivers: {
          nomad: {
            address: agent.address,
            token,
            regions: [{ name: REGION, datacenters: ['dc1'] }],
            engines: [
              {
                engine: 'redis',
                version: '7.0.15',
                command: '/usr/bin/redis-server',
              },
            ],
            task: {
              minHealthyTimeMs: 200,
              checkIntervalMs: 100,
              restart: { attempts: 3, intervalMs: 60_000, delayMs: 200 },
            },
            limits: { memoryMb: { min: 16, max: 900 } },
            ...extra,
          },
        },
      },
    }),
    { logger: mockServices.logger.mock() },
  );
}
