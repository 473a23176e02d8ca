import { observePods } from './observePods';

const pod = (name: string, status: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { 'app.kubernetes.io/version': '7.0.15' } },
  status,
});

const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'jm-a' },
  spec: { replicas: 1 },
};

describe('observePods', () => {
  it('reports a container killed for its memory as failed, naming OOMKilled', () => {
    const observed = observePods({
      instanceId: 'a',
      statefulSet,
      warnings: new Map(),
      pods: [
        pod('jm-a-0', {
          phase: 'Running',
          podIP: '10.1.2.3',
          conditions: [{ type: 'Ready', status: 'False' }],
          containerStatuses: [
            {
              name: 'redis',
              state: {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: 'back-off 40s restarting failed container=redis',
                },
              },
              lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
            },
          ],
        }),
      ],
    });
    expect(observed).toEqual({
      instanceId: 'a',
      phase: 'failed',
      message:
        'node-0: redis: CrashLoopBackOff: back-off 40s restarting failed container=redis (last exit: OOMKilled, code 137)',
      nodes: [
        expect.objectContaining({
          id: 'jm-a-0',
          role: 'primary',
          phase: 'failed',
          endpoint: { host: '10.1.2.3', port: 6379, tls: false },
        }),
      ],
    });
  });

  it('says absent when there is neither a StatefulSet nor a pod', () => {
    expect(
      observePods({ instanceId: 'a', pods: [], warnings: new Map() }),
    ).toEqual({
      instanceId: 'a',
      phase: 'absent',
      nodes: [],
    });
  });
});
