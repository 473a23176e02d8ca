import { useApi } from '@backstage/core-plugin-api';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef, undefinedOn404 } from '../../../api';

/** How often a registration under way is read again: the follower's pace. */
const PENDING_POLL_MS = 5_000;

/**
 * GET /vault: undefined when the backend has no Vault configured (404), and
 * read again while Vault has not registered the instance yet.
 */
export function useVaultStatus(instanceId: string) {
  const api = useApi(dbaasApiRef);
  const status = useAsyncRetry(
    () => undefinedOn404(api.getVaultStatus(instanceId)),
    [api, instanceId],
  );
  const settling =
    status.value?.status === 'pending' || status.value?.status === 'removing';
  const { retry } = status;
  useEffect(() => {
    if (!settling) return undefined;
    const timer = setInterval(retry, PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [settling, retry]);
  return status;
}
