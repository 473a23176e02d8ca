import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OutputLines } from './OutputLines';
import {
  harvest,
  HarvestTarget,
  harvestTargetOf,
  keptPath,
  watchBackend,
} from './sweepArtifacts';

/** The repository root, where the example backend and its config live. */
// eslint-disable-next-line no-restricted-syntax -- tests run from source, never from a build
export const REPO_ROOT = resolve(__dirname, '../../..');

const BACKEND_DIR = join(REPO_ROOT, 'examples/app/packages/backend');
const ENTRY = join(BACKEND_DIR, 'src/index.ts');
const BASE_CONFIG = join(REPO_ROOT, 'examples/app/app-config.yaml');

/** Shared by every backend of a test so they can read each other's secrets. */
export const TEST_ENCRYPTION_KEY =
  'justmanage-integration-tests-0123456789abcdef';

type JsonObject = { [key: string]: unknown };

/** How to start one example backend. */
export interface BackendProcessOptions {
  /** Names the override and log files in `workDir`, and the process in errors. */
  name: string;
  /** Folder for the override config and the output log; must exist. */
  workDir: string;
  /** HTTP port; `backend.listen.port` and `backend.baseUrl` are set from it. */
  port: number;
  /** Config merged over examples/app/app-config.yaml, e.g. from {@link backendConfig}. */
  config: JsonObject;
  /** Defaults to {@link TEST_ENCRYPTION_KEY}. */
  encryptionKey?: string;
  /** How long to wait for /api/dbaas/health to answer 200. Default 120 s. */
  startTimeoutMs?: number;
}

/**
 * The example backend as a real child process (`node` with Backstage's
 * TypeScript transform), the way an operator runs it. Collects its output
 * line by line so a test can wait for what it prints.
 *
 * @example
 * const backend = await BackendProcess.start({ name: 'a', workDir, port: 7110, config });
 * await backend.waitForLine(/DBAAS_FAULT_PAUSED/, 60_000);
 * await backend.kill9();
 */
export class BackendProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #output = new OutputLines();
  readonly #logs: WriteStream[];
  readonly #secrets: HarvestTarget;
  readonly #unwatch: () => void;
  readonly #exited: Promise<number | string>;
  #exitStatus: number | string | undefined;

  /** Starts the backend and resolves once its dbaas plugin answers health checks. */
  static async start(options: BackendProcessOptions): Promise<BackendProcess> {
    const backend = await BackendProcess.spawn(options);
    try {
      await backend.#waitForHealth(options.startTimeoutMs ?? 120_000);
    } catch (error) {
      await backend.kill9();
      throw error;
    }
    return backend;
  }

  /**
   * Starts several backends at once. If one fails, the others are killed
   * too, so that no process outlives the caller.
   */
  static async startAll(
    options: BackendProcessOptions[],
  ): Promise<BackendProcess[]> {
    const results = await Promise.allSettled(
      options.map(o => BackendProcess.start(o)),
    );
    const started = results.flatMap(r =>
      r.status === 'fulfilled' ? [r.value] : [],
    );
    const failure = results.find(r => r.status === 'rejected');
    if (failure) {
      await Promise.all(started.map(b => b.kill9()));
      throw (failure as PromiseRejectedResult).reason;
    }
    return started;
  }

  /** Starts the process without waiting for it to serve. */
  static async spawn(options: BackendProcessOptions): Promise<BackendProcess> {
    const baseUrl = `http://localhost:${options.port}`;
    const override = mergeConfig(options.config, {
      backend: { baseUrl, listen: { port: options.port } },
    });
    const overridePath = join(options.workDir, `${options.name}.yaml`);
    // JSON is YAML, so no YAML library is needed.
    await writeFile(overridePath, JSON.stringify(override, null, 2));
    const env: NodeJS.ProcessEnv = {
      ...withoutJestVariables(process.env),
      NODE_ENV: 'development',
      DBAAS_ENCRYPTION_KEY: options.encryptionKey ?? TEST_ENCRYPTION_KEY,
      DBAAS_EXAMPLE_DATA_DIR: options.workDir,
    };
    const child = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        '@backstage/cli-node/config/nodeTransform.cjs',
        ENTRY,
        '--config',
        BASE_CONFIG,
        '--config',
        overridePath,
      ],
      // the backend's own folder, as under `backstage-cli package start`, so
      // that catalog file locations resolve the same way
      { cwd: BACKEND_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const logs = [
      createWriteStream(join(options.workDir, `${options.name}.log`), {
        flags: 'a',
      }),
    ];
    // The secrets sweep reads the log after the work folder is gone.
    const kept = keptPath('logs', `${options.name}-${child.pid}.log`);
    if (kept) logs.push(createWriteStream(kept, { flags: 'a' }));
    const secrets = harvestTargetOf(
      options.config,
      options.encryptionKey ?? TEST_ENCRYPTION_KEY,
    );
    return new BackendProcess(options.name, baseUrl, child, logs, secrets);
  }

  private constructor(
    name: string,
    baseUrl: string,
    child: ChildProcess,
    logs: WriteStream[],
    secrets: HarvestTarget,
  ) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.#child = child;
    this.#logs = logs;
    this.#secrets = secrets;
    this.#unwatch = watchBackend(secrets);
    if (child.pid === undefined) {
      throw new Error(`Backend ${name} did not start`);
    }
    this.pid = child.pid;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.#output.push(chunk);
        for (const log of logs) log.write(chunk);
      });
    }
    this.#exited = new Promise(resolveExit => {
      child.once('exit', (code, signal) => {
        this.#exitStatus = code ?? signal ?? 'unknown';
        resolveExit(this.#exitStatus);
      });
      child.once('error', error => {
        this.#exitStatus = `error: ${error.message}`;
        resolveExit(this.#exitStatus);
      });
    });
  }

  /** Everything printed so far on stdout and stderr, colour codes removed. */
  get lines(): readonly string[] {
    return this.#output.all;
  }

  get running(): boolean {
    return this.#exitStatus === undefined;
  }

  /** The last `count` lines, for error messages. */
  tail(count = 40): string {
    return this.#output.tail(count);
  }

  /** Resolves with the first line matching `pattern`, printed before or after the call. */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const wanted = this.#output.next(pattern);
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            this.#error(
              `printed no line matching ${pattern} within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      this.#exited.then(status =>
        reject(this.#error(`exited (${status}) before printing ${pattern}`)),
      );
    });
    try {
      return await Promise.race([wanted.line, failure]);
    } finally {
      clearTimeout(timer);
      wanted.cancel();
    }
  }

  /** SIGKILL, as a crash: no shutdown hook runs, leases stay taken. */
  async kill9(): Promise<void> {
    if (this.running) {
      this.#child.kill('SIGKILL');
    }
    await this.#close();
  }

  /** SIGTERM and wait for a graceful shutdown; SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.running) {
      this.#child.kill('SIGTERM');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
      await this.#exited;
      clearTimeout(timer);
    }
    await this.#close();
  }

  async #close(): Promise<void> {
    await this.#exited;
    this.#output.flush();
    this.#unwatch();
    await harvest(this.#secrets);
    await Promise.all(
      this.#logs.map(log => new Promise<void>(done => log.end(done))),
    );
  }

  async #waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw this.#error(`exited (${this.#exitStatus}) while starting`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/dbaas/health`, {
          signal: AbortSignal.timeout(2000),
        });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw this.#error(`was not healthy within ${timeoutMs} ms`);
  }

  #error(message: string): Error {
    return new Error(
      `Backend ${this.name} (pid ${
        this.pid
      }) ${message}; its last output:\n${this.tail()}`,
    );
  }
}

/** Jest's variables would make the child believe it runs under jest. */
function withoutJestVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith('JEST_')),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; `b` wins. */
function mergeConfig(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    merged[key] =
      isObject(existing) && isObject(value)
        ? mergeConfig(existing, value)
        : value;
  }
  return merged;
}
