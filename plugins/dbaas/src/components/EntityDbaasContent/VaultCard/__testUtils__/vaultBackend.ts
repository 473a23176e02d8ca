import type { VaultLease, VaultStatus } from '@justmanage/plugin-dbaas-common';
import { http, HttpResponse } from 'msw';
import { DBAAS_URL } from '../../__testUtils__/backend';

const MINUTE = 60_000;
export const inMinutes = (minutes: number) =>
  new Date(Date.now() + minutes * MINUTE).toISOString();

export function aLease(overrides: Partial<VaultLease> = {}): VaultLease {
  return {
    leaseId: 'database/creds/inst-1-read-only/abc123',
    username: 'V_TOKEN_INST_1_READ_ONLY_AB12CD34EF56GH78IJ90_1765000000',
    role: 'read-only',
    issuedBy: 'user:default/alice',
    issuedAt: inMinutes(-5),
    expiresAt: inMinutes(55),
    ...overrides,
  };
}

export function aVaultStatus(
  overrides: Partial<VaultStatus> = {},
): VaultStatus {
  return {
    status: 'registered',
    roles: ['read-only', 'read-write-safe', 'read-write', 'full'],
    staticRoles: [],
    leases: [],
    ...overrides,
  };
}

/** GET /vault answering whatever `status()` holds at the time of asking. */
export function vaultStatusHandler(
  instanceId: string,
  status: () => VaultStatus,
) {
  return http.get(`${DBAAS_URL}/instances/${instanceId}/vault`, () =>
    HttpResponse.json(status()),
  );
}
