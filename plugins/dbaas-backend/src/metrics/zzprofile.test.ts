import { ALICE, startDbaasTestBackend, validCreateBody } from '../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from './startMetrics';
jest.setTimeout(300_000);
it('profiles', async () => {
  const backend = await startDbaasTestBackend({ portRange: { start: 18730, end: 18749 } });
  try {
    for (let i = 0; i < 20; i++) {
      const c = await backend.api.post('/api/dbaas/instances').set(backend.as(ALICE)).send(validCreateBody({ name: `p${i}`, persistence: 'none', config: { hz: '1' } }));
      await backend.waitForOperation(c.body.operation.id);
    }
    for (let r = 0; r < 60; r++) {
      await new Promise(res => setTimeout(res, 50));
      const c0 = process.cpuUsage(); const t0 = performance.now();
      await backend.triggerTask(METRICS_COLLECT_TASK);
      const c = process.cpuUsage(c0);
      console.log(`round ${r}: cpu ${((c.user + c.system) / 1000).toFixed(1)} ms wall ${(performance.now() - t0).toFixed(1)} ms`);
    }
  } finally { await backend.stop(); }
});
