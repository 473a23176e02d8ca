import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { hostPaths, Mount } from './mounts';

type Obj = Record<string, any>;

export interface ProbeTarget {
  podIP: string;
  env: Record<string, string>;
  mounts: Mount[];
  /** PATH for exec probes: the image's binaries first. */
  path: string;
}

/** Runs one probe as the kubelet does: exec (exit 0), tcpSocket (connects). */
export async function runProbe(
  probe: Obj,
  target: ProbeTarget,
): Promise<boolean> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const [command, ...args] = (probe.exec.command as string[]).map(a =>
      hostPaths(a, target.mounts),
    );
    return new Promise(resolve => {
      const child = spawn(command, args, {
        env: { ...target.env, PATH: target.path },
        stdio: 'ignore',
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.on('exit', code => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
  }
  if (probe.tcpSocket) {
    const port = Number(probe.tcpSocket.port);
    return new Promise(resolve => {
      const socket = connect({ host: target.podIP, port });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(timeoutMs, () => done(false));
      socket.on('connect', () => done(true));
      socket.on('error', () => done(false));
    });
  }
  // httpGet and grpc probes are not served: nothing the driver writes uses them.
  return false;
}
