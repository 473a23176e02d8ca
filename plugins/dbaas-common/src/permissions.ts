import { createPermission } from '@backstage/plugin-permission-common';

/** The permission resource type of a managed instance. @public */
export const DBAAS_INSTANCE_RESOURCE_TYPE = 'dbaas-instance';

/**
 * Create is a basic permission: there is no instance to check yet.
 * @public
 */
export const dbaasInstanceCreatePermission = createPermission({
  name: 'dbaas.instance.create',
  attributes: { action: 'create' },
});

/**
 * Asked besides create, on the instance to be (its name and owner): the
 * owner a request names, so a policy's conditions such as "owned by one of
 * the user's refs" keep users from creating instances they could then
 * neither use nor delete.
 * @public
 */
export const dbaasInstanceCreateForOwnerPermission = createPermission({
  name: 'dbaas.instance.create.owner',
  attributes: { action: 'create' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/** @public */
export const dbaasInstanceReadPermission = createPermission({
  name: 'dbaas.instance.read',
  attributes: { action: 'read' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/** @public */
export const dbaasInstanceUpdatePermission = createPermission({
  name: 'dbaas.instance.update',
  attributes: { action: 'update' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/** @public */
export const dbaasInstanceDeletePermission = createPermission({
  name: 'dbaas.instance.delete',
  attributes: { action: 'delete' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/**
 * Separate from read: seeing an instance must not imply seeing its password.
 * @public
 */
export const dbaasInstanceCredentialsReadPermission = createPermission({
  name: 'dbaas.instance.credentials.read',
  attributes: { action: 'read' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/** @public */
/**
 * Listing an instance's ACL users and reading one (no passwords).
 * @public
 */
export const dbaasInstanceUsersReadPermission = createPermission({
  name: 'dbaas.instance.users.read',
  attributes: { action: 'read' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

/**
 * Creating, changing and revoking an instance's ACL users.
 * @public
 */
export const dbaasInstanceUsersManagePermission = createPermission({
  name: 'dbaas.instance.users.manage',
  attributes: { action: 'update' },
  resourceType: DBAAS_INSTANCE_RESOURCE_TYPE,
});

export const dbaasPermissions = [
  dbaasInstanceCreatePermission,
  dbaasInstanceCreateForOwnerPermission,
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
  dbaasInstanceDeletePermission,
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceUsersReadPermission,
  dbaasInstanceUsersManagePermission,
];
