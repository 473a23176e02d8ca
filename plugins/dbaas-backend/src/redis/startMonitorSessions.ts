import { LifecycleService } from '@backstage/backend-plugin-api';
import { AdminSessionPool } from './AdminSessionPool';
import { NodeRoutes } from './NodeRoutes';

/**
 * The admin sessions the health check and the metrics collector share:
 * one long-lived connection per instance for everything that asks the
 * whole fleet something every few seconds. Sessions unused for `idleMs`
 * (deleted instances, or rounds another replica won) are closed.
 */
export function startMonitorSessions(options: {
  routes: NodeRoutes;
  timeoutMs: number;
  idleMs: number;
  lifecycle: LifecycleService;
}): AdminSessionPool {
  const sessions = new AdminSessionPool({
    routes: options.routes,
    timeoutMs: options.timeoutMs,
    idleMs: options.idleMs,
  });
  const sweeper = setInterval(() => sessions.closeIdle(), options.idleMs);
  sweeper.unref();
  options.lifecycle.addShutdownHook(() => {
    clearInterval(sweeper);
    sessions.closeAll();
  });
  return sessions;
}
