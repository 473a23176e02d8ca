import { HEALTH_USER, renderAclFile } from '../aclFile';
import { labels, objectName } from '../names';
import { Manifest, ManifestInput } from './types';

/**
 * The instance's Secret, and the owner of every other object of the
 * instance: deleting it lets the garbage collector remove the rest. It
 * holds users.acl with password hashes only, and the probes' password.
 */
export function secretManifest({
  spec,
  region,
  healthPassword,
}: ManifestInput): Manifest {
  const acl = renderAclFile(
    spec.users,
    spec.engine,
    spec.version,
    healthPassword,
  );
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: objectName(spec.instanceId),
      namespace: region.namespace,
      labels: labels(spec.instanceId, 'credentials'),
    },
    type: 'Opaque',
    data: {
      'users.acl': Buffer.from(acl).toString('base64'),
      'health-username': Buffer.from(HEALTH_USER).toString('base64'),
      'health-password': Buffer.from(healthPassword).toString('base64'),
    },
  };
}
