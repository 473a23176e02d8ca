/** Where a backend keeps its database. */
export type DatabaseChoice =
  | { sqliteDirectory: string }
  | { postgresUrl: string; prefix: string };

/** What a test varies between backends; the rest comes from app-config.yaml. */
export interface BackendConfigOptions {
  database: DatabaseChoice;
  /** The local driver's data dir, shared by backends that share a database. */
  dataDir: string;
  portRange: { start: number; end: number };
  /** Short leases let a killed backend's operations resume within seconds. */
  leaseMs?: number;
  /** `<type>:<step>:<before|after>`, see FaultInjector. */
  pauseAt?: string;
}

/** The override config for {@link BackendProcess}. */
export function backendConfig(options: BackendConfigOptions): {
  [key: string]: unknown;
} {
  const { database } = options;
  return {
    backend: {
      database:
        'sqliteDirectory' in database
          ? {
              client: 'better-sqlite3',
              connection: { directory: database.sqliteDirectory },
            }
          : {
              client: 'pg',
              connection: database.postgresUrl,
              prefix: database.prefix,
              // Test backends run beside jest workers that hold their own
              // pools; knex's default of 10 per plugin database exhausted
              // PostgreSQL's 100 connections once in a full run.
              knexConfig: { pool: { min: 0, max: 4 } },
            },
    },
    dbaas: {
      ...(options.leaseMs ? { operations: { leaseMs: options.leaseMs } } : {}),
      drivers: {
        local: { dataDir: options.dataDir, portRange: options.portRange },
      },
      ...(options.pauseAt
        ? { faultInjection: { pauseAt: options.pauseAt } }
        : {}),
      // The example app backs up every instance with persistence within a
      // minute of starting; a test's own operations would meet those with a
      // 409. null masks app-config.yaml's dbaas.backups; backup tests set it.
      backups: null,
    },
  };
}
