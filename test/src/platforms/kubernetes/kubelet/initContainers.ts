import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { hostPaths, Mount } from './mounts';

/**
 * Runs an init container to completion: the kubelet starts the next one,
 * and then the pod's containers, only after it exits 0.
 */
export function runToCompletion(
  name: string,
  command: string[],
  env: Record<string, string>,
  mounts: Mount[],
  podDir: string,
  path: string,
): Promise<number> {
  const [binary, ...args] = command.map(a => hostPaths(a, mounts));
  const log = createWriteStream(join(podDir, `init-${name}.log`), {
    flags: 'a',
  });
  return new Promise(resolve => {
    const child = spawn(binary, args, {
      cwd: podDir,
      env: { ...env, PATH: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', error => {
      log.write(`spawn failed: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', code => resolve(code ?? 137));
  });
}
