import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/*
 * Runs in a small helper process: reads one JSON request a line, runs the
 * program, answers with its exit code and output. Kept inline so that every
 * build of the package carries it.
 */
const LAUNCHER_SOURCE = `
const { execFile } = require('child_process');
require('readline').createInterface({ input: process.stdin }).on('line', line => {
  const { id, file, args } = JSON.parse(line);
  execFile(file, args, { timeout: 30000, maxBuffer: 65536 }, (error, stdout, stderr) => {
    const code = error ? (typeof error.code === 'number' ? error.code : String(error.signal || error.code || 1)) : 0;
    process.stdout.write(JSON.stringify({ id, code, output: (String(stdout) + String(stderr)).slice(0, 4000) }) + '\\n');
  });
});
process.stdin.on('end', () => process.exit(0));
`;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
  file: string;
}

/**
 * Starts daemonizing programs from a small helper process. Forking copies
 * the forking process's page tables: from a backend of several hundred MB
 * that costs ~20 ms per start, from the helper ~3 ms. The helper is started
 * on first use and again if it dies; the servers it starts daemonize and
 * belong to neither process.
 */
export class DaemonLauncher {
  #child?: ChildProcess;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** Runs `file args...` and resolves when it exited 0. */
  launch(file: string, args: string[]): Promise<void> {
    const child = this.#ensureChild();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, file });
      child.stdin!.write(`${JSON.stringify({ id, file, args })}\n`);
    });
  }

  /** Starts the helper ahead of the first launch. */
  warmUp(): void {
    this.#ensureChild();
  }

  close(): void {
    this.#child?.stdin?.end();
    this.#child = undefined;
  }

  #ensureChild(): ChildProcess {
    if (this.#child && this.#child.exitCode === null && !this.#child.killed) {
      return this.#child;
    }
    const child = spawn(process.execPath, ['-e', LAUNCHER_SOURCE], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.on('exit', () => {
      if (this.#child === child) this.#child = undefined;
      for (const [id, pending] of this.#pending) {
        pending.reject(
          new Error(`Launcher exited before ${pending.file} was started`),
        );
        this.#pending.delete(id);
      }
    });
    createInterface({ input: child.stdout! }).on('line', line => {
      const { id, code, output } = JSON.parse(line);
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      if (code === 0) {
        pending.resolve();
      } else {
        pending.reject(
          new Error(
            `${pending.file} exited with ${code}: ${String(output)
              .trim()
              .slice(0, 1000)}`,
          ),
        );
      }
    });
    this.#child = child;
    return child;
  }
}
