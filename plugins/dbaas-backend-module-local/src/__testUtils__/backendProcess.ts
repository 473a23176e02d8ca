/*
 * A stand-in backend for crash tests: provisions one instance with the
 * local driver, reports the server's pid, then idles until killed.
 * Run with @backstage/cli's node transform; settings come from env.
 */
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalDriver } from '../LocalDriver';

const silent: LoggerService = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silent,
};

async function main() {
  const dataDir = process.env.JM_DATA_DIR!;
  // The admin's password comes apart: a spec's secret does not survive JSON.
  const stored = JSON.parse(process.env.JM_SPEC!) as DriverInstanceSpec;
  const spec: DriverInstanceSpec = {
    ...stored,
    admin: {
      username: stored.admin.username,
      password: {
        ref: stored.admin.username,
        reveal: async () => process.env.JM_ADMIN_PASSWORD!,
      },
    },
  };
  const driver = LocalDriver.fromConfig(
    new ConfigReader({
      dbaas: {
        drivers: {
          local: {
            dataDir,
            portRange: JSON.parse(process.env.JM_PORTS!),
            supervisor: { intervalMs: 50 },
          },
        },
      },
    }),
    { logger: silent },
  );
  await driver.start();
  await driver.provision(spec, {
    logger: silent,
    signal: new AbortController().signal,
  });
  const pid = (
    await readFile(join(dataDir, spec.instanceId, 'redis.pid'), 'utf8')
  ).trim();
  process.stdout.write(`provisioned ${pid}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
