import { createPermission } from '@backstage/plugin-permission-common';
import { DBAAS_INSTANCE_RESOURCE_TYPE } from '../permissions';

/**
 * Backing an instance up, deleting its backups and setting its backup
 * policy. Separate from update: a team may let others resize an instance
 * without letting them copy its data out.
 * @public
 */
export const dbaasInstanceBackupPermission = createPermission({
  name: 'dbaas.instance.backup',
  attributes: { action: 'update' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/**
 * Restoring an instance's backup into a new instance: whoever may do so can
 * read all of its data, so it is asked of the backed-up instance.
 * @public
 */
export const dbaasInstanceRestorePermission = createPermission({
  name: 'dbaas.instance.backup.restore',
  attributes: { action: 'read' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/** The backup permissions, registered with the instance resource type. @public */
export const dbaasBackupPermissions = [
  dbaasInstanceBackupPermission,
  dbaasInstanceRestorePermission,
];
