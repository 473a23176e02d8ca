import { useApi } from '@backstage/core-plugin-api';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef, isNotFoundError } from '../../../api';

/** A backup the scheduler started shows its end without a reload. */
const RUNNING_POLL_MS = 5_000;

/**
 * The instance's backup policy and backups. Without dbaas.backups the
 * backend has no backup routes: their 404 for an instance that exists
 * means backups are off, which `off` says.
 */
export function useBackups(instanceId: string) {
  const api = useApi(dbaasApiRef);
  const policy = useAsyncRetry(
    () => api.getBackupPolicy(instanceId),
    [api, instanceId],
  );
  const off = isNotFoundError(policy.error);
  const list = useAsyncRetry(
    async () => (off ? [] : (await api.listBackups(instanceId)).items),
    [api, instanceId, off],
  );
  const running = list.value?.some(b => b.status === 'running');
  const { loading, retry } = list;
  useEffect(() => {
    if (!running || loading) return undefined;
    const timer = setTimeout(retry, RUNNING_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, loading, retry]);

  return {
    off,
    policy,
    list,
    refresh: () => {
      policy.retry();
      list.retry();
    },
  };
}
