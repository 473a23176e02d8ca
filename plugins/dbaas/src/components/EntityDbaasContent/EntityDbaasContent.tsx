import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { DBAAS_INSTANCE_ID_ANNOTATION } from '@justmanage/plugin-dbaas-common';
import { InstanceView } from './InstanceView';

/**
 * The Redis tab of an instance's catalog entity: status, connection,
 * operations and deletion of the instance named by the
 * `justmanage.io/instance-id` annotation.
 * @public
 */
export function EntityDbaasContent() {
  const { entity } = useEntity();
  const instanceId =
    entity.metadata.annotations?.[DBAAS_INSTANCE_ID_ANNOTATION];
  if (!instanceId) {
    return (
      <MissingAnnotationEmptyState annotation={DBAAS_INSTANCE_ID_ANNOTATION} />
    );
  }
  // Keyed so that another entity's instance never shows this one's data.
  return <InstanceView key={instanceId} instanceId={instanceId} />;
}
