import { BackendProcess, backendConfig } from '../../src/harness';

/** A guest identity: who the guest provider signs the browser in as. */
export interface GuestIdentity {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

export const TEAM_A_GUEST: GuestIdentity = {
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest', 'group:default/team-a'],
};

export const TEAM_B_GUEST: GuestIdentity = {
  userEntityRef: 'user:default/bob',
  ownershipEntityRefs: ['user:default/bob', 'group:default/team-b'],
};

/** Over the harness's dbaas config; `drivers` are added to the local one, not put in its place. */
function mergeDbaas(base: any, extra: Record<string, unknown>) {
  return {
    ...base,
    ...extra,
    ...(extra.drivers
      ? { drivers: { ...base.drivers, ...(extra.drivers as object) } }
      : {}),
  };
}

/**
 * The example app (backend plus the built frontend on the same origin) as a
 * real process. Starting it again on the same workDir keeps its database and
 * instances, which is how a test switches the guest to another team.
 */
export async function startExampleApp(options: {
  workDir: string;
  port: number;
  portRange: { start: number; end: number };
  guest: GuestIdentity;
  /** Merged over the dbaas config, e.g. a short metrics interval. */
  dbaas?: Record<string, unknown>;
}): Promise<BackendProcess> {
  const { workDir, port, portRange, guest } = options;
  const baseUrl = `http://localhost:${port}`;
  const config = backendConfig({
    database: { sqliteDirectory: `${workDir}/sqlite` },
    dataDir: `${workDir}/instances`,
    portRange,
  });
  return BackendProcess.start({
    name: `app-${guest.userEntityRef.split('/')[1]}`,
    workDir,
    port,
    config: {
      ...config,
      app: { baseUrl },
      backend: {
        ...(config.backend as object),
        cors: { origin: baseUrl },
      },
      auth: { providers: { guest } },
      ...(options.dbaas
        ? { dbaas: mergeDbaas(config.dbaas, options.dbaas) }
        : {}),
    },
  });
}
