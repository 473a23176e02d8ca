import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  DBAAS_INSTANCE_RESOURCE_TYPE,
  dbaasInstanceCreateForOwnerPermission,
  dbaasInstanceCreatePermission,
} from '@justmanage/plugin-dbaas-common';
import {
  CreateAuthorization,
  createAuthorization,
} from './createAuthorization';
import { DbaasInstanceResource, dbaasInstanceResourceRef } from './resourceRef';

/**
 * Asks the permission framework and applies conditional decisions locally,
 * so one policy call covers a whole list and deleted instances' history.
 */
export class InstanceAuthorizer {
  readonly #permissions: PermissionsService;
  readonly #isAllowed: ReturnType<
    typeof createConditionAuthorizer<DbaasInstanceResource>
  >;

  constructor(
    permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    this.#permissions = permissions;
    this.#isAllowed = createConditionAuthorizer(
      registry.getPermissionRuleset(dbaasInstanceResourceRef),
    );
  }

  async requireBasic(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /**
   * Whether the caller may create instances at all (refused at once), and
   * the check of the owner a request names, applied once it is parsed.
   */
  async forCreate(
    credentials: BackstageCredentials,
  ): Promise<CreateAuthorization> {
    await this.requireBasic(dbaasInstanceCreatePermission, credentials);
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: dbaasInstanceCreateForOwnerPermission }],
      { credentials },
    );
    return createAuthorization(decision, this.#isAllowed);
  }

  async require(
    permission: ResourcePermission<typeof DBAAS_INSTANCE_RESOURCE_TYPE>,
    resource: DbaasInstanceResource,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [allowed] = await this.filter(permission, [resource], credentials);
    if (!allowed) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on instance ${resource.name}`,
      );
    }
  }

  /** Several permissions on one instance in a single policy call. */
  async requireAll(
    permissions: ResourcePermission<typeof DBAAS_INSTANCE_RESOURCE_TYPE>[],
    resource: DbaasInstanceResource,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const decisions = await this.#permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    decisions.forEach((decision, i) => {
      if (!this.#isAllowed(decision, resource)) {
        throw new NotAllowedError(
          `Not allowed: ${permissions[i].name} on instance ${resource.name}`,
        );
      }
    });
  }

  async filter<T extends DbaasInstanceResource>(
    permission: ResourcePermission<typeof DBAAS_INSTANCE_RESOURCE_TYPE>,
    resources: T[],
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return resources.filter(r => this.#isAllowed(decision, r));
  }
}
