import { HEALTH_USER, renderAclFile } from '../aclFile';
import { labels, objectName } from '../names';
import { renderReplicationConf, renderSentinelConf } from './replication';
import { Manifest, ManifestInput } from './types';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * The instance's Secret, and the owner of every other object of the
 * instance: deleting it lets the garbage collector remove the rest. It
 * holds users.acl with password hashes only and the probes' password; a
 * replicated instance adds how replicas and Sentinels log in (the admin's
 * password, as the contract allows for replication only).
 */
export function secretManifest({
  spec,
  region,
  healthPassword,
  adminPassword,
}: ManifestInput): Manifest {
  const acl = renderAclFile(
    spec.users,
    spec.engine,
    spec.version,
    healthPassword,
  );
  const replicated = spec.replicas > 0;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'credentials'),
      // Observe reads it to ask the Sentinels for the primary by name.
      annotations: { 'justmanage.io/sentinel-master-name': spec.name },
    },
    type: 'Opaque',
    data: {
      'users.acl': base64(acl),
      'health-username': base64(HEALTH_USER),
      'health-password': base64(healthPassword),
      ...(replicated
        ? {
            'replication.conf': base64(
              renderReplicationConf(spec, adminPassword),
            ),
            'sentinel.conf': base64(renderSentinelConf(spec, adminPassword)),
          }
        : {}),
    },
  };
}
