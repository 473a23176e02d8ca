import {
  BackstageCredentials,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  DBAAS_INSTANCE_RESOURCE_TYPE,
  dbaasInstanceReadPermission,
} from '@justmanage/plugin-dbaas-common';
import {
  createDbaasInstanceConditionalDecision,
  dbaasInstanceConditions,
} from '../permissions/conditions';

/** Group memberships of the test users, as the catalog would resolve them. */
export const TEST_GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-a'],
  'user:default/bob': ['group:default/team-b'],
};

function claimsOf(credentials: BackstageCredentials): string[] {
  const principal = credentials.principal as { userEntityRef?: string };
  const user = principal.userEntityRef;
  return user ? [user, ...(TEST_GROUPS[user] ?? [])] : [];
}

/**
 * The owner policy of the example app, as a permissions service: the plugin's
 * own rules and condition handling are exercised as in production, only the
 * transport to the permission backend is left out.
 */
const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };

export function ownerPolicyPermissions(options: { readAll: boolean }) {
  const decide = (
    permission: Parameters<
      PermissionsService['authorize']
    >[0][number]['permission'],
    credentials: BackstageCredentials,
  ): PolicyDecision => {
    if (
      credentials.principal &&
      (credentials.principal as any).type === 'service'
    ) {
      return ALLOW;
    }
    if (
      options.readAll &&
      isPermission(permission, dbaasInstanceReadPermission)
    ) {
      return ALLOW;
    }
    if (isResourcePermission(permission, DBAAS_INSTANCE_RESOURCE_TYPE)) {
      return createDbaasInstanceConditionalDecision(
        permission,
        dbaasInstanceConditions.isInstanceOwner({
          claims: claimsOf(credentials),
        }),
      );
    }
    return ALLOW;
  };

  const service: PermissionsService = {
    async authorize(requests, { credentials }) {
      return requests.map(r => {
        const d = decide(r.permission, credentials);
        // authorize() must resolve conditions itself; our tests only send
        // basic permissions through it.
        return d.result === AuthorizeResult.CONDITIONAL
          ? { result: AuthorizeResult.DENY }
          : d;
      }) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(r => decide(r.permission, credentials)) as any;
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => service,
  });
}
