import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
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
import { connectionDetails } from '../service/connectionDetails';
import { InstanceTls } from '../tls/InstanceTls';
import { AclUserStore } from './AclUserStore';
import { AclUserService } from './AclUserService';

export interface UsersRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  users: AclUserStore;
  userService: AclUserService;
  /** With TLS, connection details carry the instance's CA. */
  tls?: { service: InstanceTls };
}

/**
 * /instances/{id}/users: listing needs users.read, changes users.manage
 * (audited), and a user's connection with its password the credentials
 * permission (audited at high severity, like the app user's).
 */
export function registerUsersRoutes(
  router: DbaasRouter,
  deps: UsersRouteDeps,
): void {
  const { authorizer, userService } = deps;
  const callerOf = (req: Parameters<typeof deps.httpAuth.credentials>[0]) =>
    deps.httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/instances/:instanceId/users', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await authorizer.requireAll(
      [dbaasInstanceReadPermission, dbaasInstanceUsersReadPermission],
      instance,
      credentials,
    );
    res.json({ items: await userService.list(instance) });
  });

  router.get('/instances/:instanceId/users/:username', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await authorizer.requireAll(
      [dbaasInstanceReadPermission, dbaasInstanceUsersReadPermission],
      instance,
      credentials,
    );
    res.json(await userService.get(instance, req.params.username));
  });

  router.post('/instances/:instanceId/users', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-user-create',
      { instanceId: instance.id, username: String(req.body?.username) },
      async () => {
        await authorizer.require(
          dbaasInstanceUsersManagePermission,
          instance,
          credentials,
        );
        const created = await userService.create(
          instance,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json(created);
        return { operationId: created.operation.id };
      },
    );
  });

  router.patch('/instances/:instanceId/users/:username', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-user-update',
      { instanceId: instance.id, username: req.params.username },
      async () => {
        await authorizer.require(
          dbaasInstanceUsersManagePermission,
          instance,
          credentials,
        );
        const accepted = await userService.update(
          instance,
          req.params.username,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });

  router.delete('/instances/:instanceId/users/:username', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-user-delete',
      { instanceId: instance.id, username: req.params.username },
      async () => {
        await authorizer.require(
          dbaasInstanceUsersManagePermission,
          instance,
          credentials,
        );
        const accepted = await userService.delete(
          instance,
          req.params.username,
          actorOf(credentials),
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });

  router.post(
    '/instances/:instanceId/users/:username/rotate',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-user-rotate',
        { instanceId: instance.id, username: req.params.username },
        async () => {
          await authorizer.require(
            dbaasInstanceUsersManagePermission,
            instance,
            credentials,
          );
          const rotated = await userService.rotate(
            instance,
            req.params.username,
            req.body,
            actorOf(credentials),
          );
          res.status(202).json(rotated);
          return { operationId: rotated.operation.id };
        },
      );
    },
  );

  router.put(
    '/instances/:instanceId/users/:username/rotation',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-user-rotation-schedule',
        {
          instanceId: instance.id,
          username: req.params.username,
          everyDays: req.body?.everyDays ?? null,
        },
        async () => {
          await authorizer.require(
            dbaasInstanceUsersManagePermission,
            instance,
            credentials,
          );
          res.json(
            await userService.setRotation(
              instance,
              req.params.username,
              req.body,
              actorOf(credentials),
            ),
          );
          return {};
        },
      );
    },
  );

  router.get(
    '/instances/:instanceId/users/:username/connection',
    async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await deps.service.get(req.params.instanceId);
      await auditedChange(
        deps.auditor,
        req,
        'instance-credentials-read',
        { instanceId: instance.id, username: req.params.username },
        async () => {
          await authorizer.requireAll(
            [
              dbaasInstanceReadPermission,
              dbaasInstanceCredentialsReadPermission,
            ],
            instance,
            credentials,
          );
          res.json(
            await connectionDetails(
              instance,
              deps.users,
              req.params.username,
              deps.tls?.service,
            ),
          );
          return {};
        },
        'high',
      );
    },
  );
}
