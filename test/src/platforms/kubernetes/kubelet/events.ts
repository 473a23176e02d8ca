import { randomBytes } from 'node:crypto';
import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/objects';

const EVENT = KINDS.find(k => k.kind === 'Event')!;

/** A core/v1 Event about a pod, as `kubectl describe` lists them. */
export function recordEvent(
  store: ObjectStore,
  pod: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    store.create(EVENT, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${pod.metadata.name}.${randomBytes(8).toString('hex')}`,
        namespace: pod.metadata.namespace,
      },
      involvedObject: {
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        uid: pod.metadata.uid,
      },
      type,
      reason,
      message,
      source: { component: 'kubelet' },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    });
  } catch {
    // The namespace is going away; nobody will read the event.
  }
}
