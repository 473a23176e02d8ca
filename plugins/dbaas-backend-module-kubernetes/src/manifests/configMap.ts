import { renderRedisConf } from '../redisConf';
import { labels, objectName } from '../names';
import { Manifest, ManifestInput } from './types';

/** redis.conf, mounted read-only into each data pod. */
export function configMapManifest({ spec, region }: ManifestInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'config'),
    },
    data: { 'redis.conf': renderRedisConf(spec) },
  };
}
