import {
  AclUser,
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceUsersManagePermission,
  dbaasInstanceUsersReadPermission,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import { http, HttpResponse } from 'msw';
import {
  DBAAS_URL,
  getJson,
  permissionHandler,
} from '../../__testUtils__/backend';
import { anOperation } from '../../__testUtils__/fixtures';

export const READ = dbaasInstanceUsersReadPermission.name;
export const MANAGE = dbaasInstanceUsersManagePermission.name;
export const CREDENTIALS = dbaasInstanceCredentialsReadPermission.name;
export const OWNER = [READ, MANAGE, CREDENTIALS];

const HOUR = 3_600_000;
export const ago = (hours: number) =>
  new Date(Date.now() - hours * HOUR).toISOString();

export function aUser(overrides: Partial<AclUser> = {}): AclUser {
  return {
    username: 'reporting',
    preset: 'read-only',
    keys: ['reports:*'],
    rules: '~reports:* &* -@all +@read +@connection -@dangerous -@admin',
    managedBy: 'product',
    default: false,
    passwords: [{ createdAt: ago(3) }],
    rotation: null,
    createdBy: 'user:default/alice',
    createdAt: ago(3),
    updatedAt: ago(3),
    ...overrides,
  };
}

export const appUser = aUser({
  username: 'app',
  preset: 'full',
  keys: [],
  rules: '~* &* +@all -@admin',
  default: true,
  passwords: [{ createdAt: ago(48) }],
  createdBy: 'justmanage',
  createdAt: ago(48),
});

/** A users operation, running its first step. */
export function aUsersOperation(instanceId: string): Operation {
  return anOperation({
    id: 'op-users',
    instanceId,
    type: 'users',
    status: 'running',
    steps: [
      { name: 'persist', status: 'running', attempts: 1 },
      { name: 'apply', status: 'pending', attempts: 0 },
      { name: 'verify', status: 'pending', attempts: 0 },
      { name: 'finalize', status: 'pending', attempts: 0 },
    ],
  });
}

/** The operation as the long poll gives it: running once, then succeeded. */
export function operationHandler(operation: Operation) {
  let polls = 0;
  return http.get(`${DBAAS_URL}/operations/${operation.id}`, () => {
    polls += 1;
    return HttpResponse.json(
      polls === 1
        ? operation
        : {
            ...operation,
            status: 'succeeded',
            steps: operation.steps.map(s => ({ ...s, status: 'succeeded' })),
          },
    );
  });
}

/**
 * The backend as the card asks it: the permissions, the users (read
 * again after each change), and no other operation running.
 */
export function usersBackend(
  instanceId: string,
  options: {
    allowed?: string[];
    users?: () => AclUser[];
    operations?: Operation[];
    asked?: string[];
    listed?: string[];
  } = {},
) {
  return [
    permissionHandler(options.allowed ?? OWNER, options.asked),
    getJson(`/instances/${instanceId}/operations`, {
      items: options.operations ?? [],
    }),
    http.get(`${DBAAS_URL}/instances/${instanceId}/users`, () => {
      options.listed?.push(instanceId);
      return HttpResponse.json({
        items: options.users?.() ?? [appUser, aUser()],
      });
    }),
  ];
}
