import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/*
 * Runs in a small helper process: reads one JSON request a line, starts the
 * server in its own session and answers once the server has written its
 * pidfile, which it does right after binding its port, or with the exit
 * code and stderr when it exits first. A server started from a config that
 * still says `daemonize yes` exits 0 after forking; its pidfile is awaited
 * the same way. Once answered, stderr is let go: the server logs to its
 * logfile. Kept inline so that every build of the package carries it.
 */
const LAUNCHER_SOURCE = `
const { spawn } = require('child_process');
const { readFile } = require('fs');
const send = message => process.stdout.write(JSON.stringify(message) + '\\n');
function launch({ id, file, args, pidfile, timeoutMs }) {
  let output = '';
  let done = false;
  const child = spawn(file, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const finish = answer => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    child.stderr.destroy();
    send({ id, output: output.slice(0, 4000), ...answer });
  };
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    finish({ code: 'timeout' });
  }, timeoutMs);
  child.stderr.on('data', chunk => { if (output.length < 4000) output += chunk; });
  child.on('error', error => finish({ code: String(error.code || error.message) }));
  child.on('close', (code, signal) => { if (code !== 0) finish({ code: code ?? signal }); });
  const poll = () => readFile(pidfile, 'utf8', (error, text) => {
    if (done) return;
    if (!error && /^[0-9]+\\s*$/.test(text)) finish({ code: 0, pid: Number(text) });
    else setTimeout(poll, 1);
  });
  poll();
}
require('readline').createInterface({ input: process.stdin }).on('line', line => launch(JSON.parse(line)));
process.stdin.on('end', () => process.exit(0));
`;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
  file: string;
  pidfile: string;
  timeoutMs: number;
}

/** What to start and how to tell that it is up. */
export interface LaunchRequest {
  file: string;
  args: string[];
  /** Written by the server once it listens; must not exist beforehand. */
  pidfile: string;
  /** A server that has not written its pidfile by then is killed. */
  timeoutMs: number;
}

/**
 * Starts servers from a small helper process. Forking copies the forking
 * process's page tables: from a backend of several hundred MB that costs
 * ~20 ms per start, from the helper ~3 ms. Servers run in the foreground
 * in their own session, so they outlive the helper and the backend, and
 * no second fork (`daemonize yes`) is paid for. Watching for the pidfile
 * in the helper keeps the backend's event loop free while a server starts.
 * The helper is started on first use and again if it dies.
 */
export class DaemonLauncher {
  #child?: ChildProcess;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  /** Resolves once the server wrote its pidfile; rejects with its stderr if it exited. */
  launch(request: LaunchRequest): Promise<void> {
    const child = this.#ensureChild();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {
        resolve,
        reject,
        file: request.file,
        pidfile: request.pidfile,
        timeoutMs: request.timeoutMs,
      });
      child.stdin!.write(`${JSON.stringify({ id, ...request })}\n`);
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
    createInterface({ input: child.stdout! }).on('line', line =>
      this.#answer(JSON.parse(line)),
    );
    this.#child = child;
    return child;
  }

  #answer(answer: { id: number; code: number | string; output: string }) {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (answer.code === 0) {
      pending.resolve();
      return;
    }
    const output = String(answer.output).trim().slice(0, 1000);
    pending.reject(
      new Error(
        answer.code === 'timeout'
          ? `${pending.file} did not write ${pending.pidfile} within ${pending.timeoutMs} ms and was stopped: ${output}`
          : `${pending.file} exited with ${answer.code}: ${output}`,
      ),
    );
  }
}
