import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceReadPermission,
  dbaasInstanceUsersManagePermission,
  dbaasInstanceUsersReadPermission,
} from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from '../service/InstanceService';
import { auditedChange } from '../service/auditedChange';
import { actorOf } from '../service/actorOf';
import { VaultService } from './VaultService';
import { VaultRegistrationStore } from './VaultRegistrationStore';

export interface VaultRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  /** Absent without dbaas.vault: every route then answers 404. */
  vault?: { service: VaultService; registrations: VaultRegistrationStore };
}

/**
 * /instances/{id}/vault: the registration and leases need users.read;
 * issuing, renewing and revoking credentials the credentials permission,
 * like reading a password (owners), audited at high severity.
 */
export function registerVaultRoutes(
  router: DbaasRouter,
  deps: VaultRouteDeps,
): void {
  const { authorizer } = deps;
  const callerOf = (req: Parameters<typeof deps.httpAuth.credentials>[0]) =>
    deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
  const vaultOf = () => {
    if (!deps.vault) {
      throw new NotFoundError(
        'Vault is not configured for this portal (dbaas.vault)',
      );
    }
    return deps.vault;
  };
  const forOwners = [
    dbaasInstanceReadPermission,
    dbaasInstanceCredentialsReadPermission,
  ];

  router.get('/instances/:instanceId/vault', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await authorizer.requireAll(
      [dbaasInstanceReadPermission, dbaasInstanceUsersReadPermission],
      instance,
      credentials,
    );
    const vault = vaultOf();
    const registration = await vault.registrations.get(instance.id);
    res.json({
      status: registration?.status ?? 'unregistered',
      ...(registration?.message ? { message: registration.message } : {}),
      roles: registration?.roles ?? [],
      staticRoles: registration?.staticRoles ?? [],
      leases: await vault.service.leases(instance),
    });
  });

  router.post('/instances/:instanceId/vault/credentials', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-vault-credentials-issue',
      { instanceId: instance.id, role: String(req.body?.role) },
      async () => {
        await authorizer.requireAll(forOwners, instance, credentials);
        const issued = await vaultOf().service.issue(
          instance,
          req.body?.role,
          actorOf(credentials),
        );
        res.status(201).json(issued);
        return { leaseId: issued.lease.leaseId, username: issued.username };
      },
      'high',
    );
  });

  router.post('/instances/:instanceId/vault/static-roles', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-vault-static-role-create',
      { instanceId: instance.id, username: String(req.body?.username) },
      async () => {
        await authorizer.require(
          dbaasInstanceUsersManagePermission,
          instance,
          credentials,
        );
        res
          .status(201)
          .json(
            await vaultOf().service.createStaticRole(
              instance,
              req.body,
              actorOf(credentials),
            ),
          );
        return {};
      },
    );
  });

  router.get(
    '/instances/:instanceId/vault/static-roles/:username/credentials',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-vault-static-credentials-read',
        { instanceId: instance.id, username: req.params.username },
        async () => {
          await authorizer.requireAll(forOwners, instance, credentials);
          res.json(
            await vaultOf().service.staticCredentials(
              instance,
              req.params.username,
              actorOf(credentials),
            ),
          );
          return {};
        },
        'high',
      );
    },
  );

  router.delete(
    '/instances/:instanceId/vault/static-roles/:username',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-vault-static-role-delete',
        { instanceId: instance.id, username: req.params.username },
        async () => {
          await authorizer.require(
            dbaasInstanceUsersManagePermission,
            instance,
            credentials,
          );
          await vaultOf().service.deleteStaticRole(
            instance,
            req.params.username,
            actorOf(credentials),
          );
          res.status(204).end();
          return {};
        },
      );
    },
  );

  router.post(
    '/instances/:instanceId/vault/leases/:leaseId/renew',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-vault-lease-renew',
        { instanceId: instance.id, leaseId: req.params.leaseId },
        async () => {
          await authorizer.requireAll(forOwners, instance, credentials);
          res.json(
            await vaultOf().service.renew(
              instance,
              req.params.leaseId,
              actorOf(credentials),
            ),
          );
          return {};
        },
      );
    },
  );

  router.delete(
    '/instances/:instanceId/vault/leases/:leaseId',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-vault-lease-revoke',
        { instanceId: instance.id, leaseId: req.params.leaseId },
        async () => {
          await authorizer.requireAll(forOwners, instance, credentials);
          res.json(
            await vaultOf().service.revoke(
              instance,
              req.params.leaseId,
              actorOf(credentials),
            ),
          );
          return {};
        },
      );
    },
  );
}
