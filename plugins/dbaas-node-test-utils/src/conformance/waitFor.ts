import { Driver, ObservedInstance } from '@justmanage/plugin-dbaas-node';

/**
 * Polls `probe` every 20 ms until it returns a value; fails with `what`
 * (and the last error the probe threw) on timeout.
 * @public
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `: ${(last as Error).message}` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

/**
 * Polls `observe` until the instance and every node of it serves, as the
 * control plane does after each change.
 */
export function waitUntilRunning(
  driver: Driver,
  instanceId: string,
  timeoutMs: number,
): Promise<ObservedInstance> {
  return waitFor(
    `${instanceId} to run`,
    async () => {
      const observed = await driver.observe(instanceId);
      return observed.phase === 'running' &&
        observed.nodes.every(n => n.phase === 'running' && n.endpoint)
        ? observed
        : undefined;
    },
    timeoutMs,
  );
}
