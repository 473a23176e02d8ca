import { useApi } from '@backstage/core-plugin-api';
import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { INSTANCE_POLL_INTERVAL_MS } from '../usePolledInstance';

function isUnfinished(operation: Operation): boolean {
  return operation.status === 'pending' || operation.status === 'running';
}

/**
 * The instance's operation still going, if any. Asked of the operations
 * rather than read from the status, because some (a key scan) leave the
 * instance running while the backend refuses every other change. Asked
 * again when the instance changes, and on the poll interval while one is
 * going, so the card offers the change again once it has finished.
 */
export function useActiveOperation(instance: Instance): Operation | undefined {
  const { id, status, updatedAt } = instance;
  const api = useApi(dbaasApiRef);
  const { value, loading, retry } = useAsyncRetry(
    async () => (await api.listOperations(id)).items.find(isUnfinished),
    [api, id, status, updatedAt],
  );
  useEffect(() => {
    if (!value || loading) return undefined;
    const timer = setTimeout(retry, INSTANCE_POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [value, loading, retry]);
  return value;
}
