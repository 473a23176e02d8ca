import fs from 'fs';
import { Server } from 'http';
import path from 'path';
import { randomBytes } from 'crypto';
import { inspect } from 'util';
import { Knex } from 'knex';
import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { SecretBox } from '../crypto/SecretBox';

/*
 * What an in-process test backend leaves for the secrets sweep that
 * scripts/test-all.sh runs after the whole suite (test/src/sweep), when it
 * sets JUSTMANAGE_SWEEP_DIR: its log (test backends log nowhere
 * otherwise), a copy of its database, and every secret it handed out or
 * held. The files are those the integration tests' harness writes
 * (test/src/harness/sweepArtifacts): secrets-<pid>.jsonl, logs/, db/.
 */

type SecretKind =
  | 'password'
  | 'admin password'
  | 'stored password'
  | 'private key';

const PEM_KEY =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----/g;
const CONF_PASSWORD =
  /^(?:masterauth|requirepass|sentinel auth-pass \S+|sentinel sentinel-pass) +"?([^"\s]+)"?$/gm;

function kindOf(table: string, plain: string): SecretKind {
  if (plain.includes('PRIVATE KEY-----')) return 'private key';
  return table === 'dbaas_credentials' ? 'admin password' : 'stored password';
}

function sweepDir(): string | undefined {
  return process.env.JUSTMANAGE_SWEEP_DIR || undefined;
}

/** `inprocess-<test file>-<pid>-<random>`: unique across jest's module registries. */
function backendName(): string {
  const testPath: string | undefined = (globalThis as any).expect?.getState?.()
    .testPath;
  const test = testPath ? path.basename(testPath).replace(/\.tsx?$/, '') : '';
  return `inprocess-${test}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Every line of every level, in a file, with the meta as util.inspect shows it. */
class FileRootLogger implements RootLoggerService {
  constructor(
    private readonly out: fs.WriteStream,
    private readonly labels: Record<string, unknown> = {},
  ) {}

  error(message: string, meta?: Error | object) {
    this.#write('error', message, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.#write('warn', message, meta);
  }
  info(message: string, meta?: Error | object) {
    this.#write('info', message, meta);
  }
  debug(message: string, meta?: Error | object) {
    this.#write('debug', message, meta);
  }
  child(meta: object) {
    return new FileRootLogger(this.out, { ...this.labels, ...meta });
  }

  #write(level: string, message: string, meta?: Error | object) {
    if (this.out.writableEnded) return;
    const labels = Object.entries(this.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const details =
      meta === undefined
        ? ''
        : ` ${inspect(meta, { depth: 8, breakLength: Infinity })}`;
    this.out.write(
      `${new Date().toISOString()} ${level} ${labels} ${message}${details}\n`,
    );
  }
}

/** The recorder of one test backend; see {@link secretsSweep}. */
export interface SecretsSweep {
  /** Added to the backend's features: the file logger and a database probe. */
  features: BackendFeature[];
  /** Records the passwords in the backend's answers to any client. */
  watch(server: Server): void;
  /** Reads back what the backend holds now: stored secrets, keys on disk. */
  harvest(): Promise<void>;
  /** Reads and copies the database once more; before the backend stops. */
  keepDatabase(): Promise<void>;
  /** Closes the log; after the backend stops. */
  close(): Promise<void>;
}

/**
 * The sweep's recorder for a test backend whose local driver uses
 * `dataDir`, or undefined when no sweep runs.
 */
export function secretsSweep(dataDir: string): SecretsSweep | undefined {
  const dir = sweepDir();
  if (!dir) return undefined;
  const name = backendName();
  for (const sub of ['logs', 'db']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  const log = fs.createWriteStream(path.join(dir, 'logs', `${name}.log`));
  const recorded = new Set<string>();
  const append = (line: object) =>
    fs.appendFileSync(
      path.join(dir, `secrets-${process.pid}.jsonl`),
      `${JSON.stringify(line)}\n`,
    );
  const record = (kind: SecretKind, value: string, source: string) => {
    if (!value || recorded.has(value)) return;
    recorded.add(value);
    append({ kind, value, source: `${name} ${source}` });
  };
  const problem = (source: string, error: unknown) =>
    append({ problem: String(error), source: `${name} ${source}` });

  let knex: Knex | undefined;
  let box: SecretBox | undefined;
  const probe = createBackendModule({
    pluginId: 'dbaas',
    moduleId: 'secrets-sweep-probe',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          config: coreServices.rootConfig,
        },
        async init({ database, config }) {
          knex = await database.getClient();
          box = SecretBox.fromConfig(config);
        },
      });
    },
  });

  const recordJson = (body: unknown, source: string) => {
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') {
        if (/PRIVATE KEY-----/.test(value))
          record('private key', value, source);
        else if (/password$/i.test(key)) record('password', value, source);
      } else if (Array.isArray(value)) {
        value.forEach(item => walk(item, key));
      } else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) walk(v, k);
      }
    };
    walk(body, '');
  };

  async function harvestStored() {
    if (!knex || !box) return;
    const tables: string[] = (
      await knex('sqlite_master').where({ type: 'table' }).select('name')
    ).map((r: { name: string }) => r.name);
    for (const table of tables) {
      const columns: Array<{ name: string }> = await knex.raw(
        'PRAGMA table_info(??)',
        [table],
      );
      for (const { name: column } of columns) {
        if (!column.endsWith('_enc')) continue;
        for (const value of await knex(table).pluck(column)) {
          try {
            const plain = box.decrypt(value);
            record(kindOf(table, plain), plain, `${table}.${column}`);
          } catch (error) {
            problem(`${table}.${column}`, error);
          }
        }
      }
    }
  }

  function harvestFolder(folder: string) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // removed meanwhile
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) harvestFolder(file);
      if (!entry.isFile() || !/\.(key|pem|conf)$/.test(entry.name)) continue;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // removed meanwhile
      }
      for (const [pem] of text.matchAll(PEM_KEY)) {
        record('private key', pem, file);
      }
      for (const [, password] of text.matchAll(CONF_PASSWORD)) {
        record('admin password', password, file);
      }
    }
  }

  const isSqlite = () => /sqlite/.test(String(knex?.client.config.client));
  const keptDatabase = path.join(dir, 'db', `${name}.sqlite`);
  let kept = false;

  /**
   * Reads the stored secrets and copies the database, each time: a test's
   * own database (TestDatabases) may be destroyed before the backend stops.
   */
  async function readDatabase() {
    if (!knex) return;
    if (!isSqlite()) {
      problem('database', 'not SQLite: neither read nor kept');
      return;
    }
    try {
      await harvestStored();
      fs.rmSync(`${keptDatabase}.tmp`, { force: true });
      await knex.raw('VACUUM INTO ?', [`${keptDatabase}.tmp`]);
      fs.renameSync(`${keptDatabase}.tmp`, keptDatabase);
      kept = true;
    } catch (error) {
      // Destroyed by its test: its last state was kept already.
      if (!(kept && /Unable to acquire a connection/.test(String(error)))) {
        problem('database', error);
      }
    }
  }

  return {
    features: [
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => new FileRootLogger(log),
      }),
      probe,
    ],
    watch(server) {
      server.prependListener('request', (req, res: any) => {
        // express rewrites req.url as it routes
        const source = `${req.method} ${req.url}`;
        if (!req.url?.startsWith('/api/dbaas')) return;
        const chunks: Buffer[] = [];
        const keep = (chunk: unknown) => {
          if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
            chunks.push(Buffer.from(chunk));
          }
        };
        const { write, end } = res;
        res.write = function recordWrite(chunk: unknown, ...rest: unknown[]) {
          keep(chunk);
          return write.call(this, chunk, ...rest);
        };
        res.end = function recordEnd(chunk: unknown, ...rest: unknown[]) {
          keep(chunk);
          if (/json/.test(String(res.getHeader('content-type')))) {
            try {
              recordJson(
                JSON.parse(Buffer.concat(chunks).toString('utf8')),
                source,
              );
            } catch {
              // not JSON after all
            }
          }
          return end.call(this, chunk, ...rest);
        };
      });
    },
    async harvest() {
      await readDatabase();
      harvestFolder(dataDir);
    },
    keepDatabase: readDatabase,
    close: () => new Promise<void>(done => log.end(done)),
  };
}
