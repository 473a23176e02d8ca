import { spawn } from 'node:child_process';
import { setGetUntilOk } from './setGetUntilOk';

/**
 * Start-to-SET/GET of a bare redis-server with no config file: the floor
 * any managed create is compared with.
 */
export async function bareStartMs(port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
  try {
    await setGetUntilOk({ host: '127.0.0.1', port });
    return performance.now() - started;
  } finally {
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
