import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  DBAAS_INSTANCE_RESOURCE_TYPE,
  dbaasInstanceReadPermission,
} from '@justmanage/plugin-dbaas-common';
import {
  createDbaasInstanceConditionalDecision,
  dbaasInstanceConditions,
} from '@justmanage/plugin-dbaas-backend';

/**
 * Everyone may see every instance; only its owners (the owning group's
 * members, or the owning user) may change it or read its credentials, and
 * users create instances only for owners they belong to
 * (dbaas.instance.create.owner is decided on the owner a request names).
 * Anything that is not a dbaas permission is allowed, as in the default app.
 */
export class DbaasOwnerPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, dbaasInstanceReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isResourcePermission(request.permission, DBAAS_INSTANCE_RESOURCE_TYPE)
    ) {
      return createDbaasInstanceConditionalDecision(
        request.permission,
        dbaasInstanceConditions.isInstanceOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
