import { useApi } from '@backstage/core-plugin-api';
import { toError } from '@backstage/errors';
import type { Operation } from '@justmanage/plugin-dbaas-common';
import { useEffect, useState } from 'react';
import { dbaasApiRef } from '../../api';

/** How long the backend may hold each request (its limit is 30 s). */
const WAIT_MS = 10_000;
/** A backend or proxy that answers at once must not be asked in a tight loop. */
const MIN_GAP_MS = 1_000;

function isFinished(operation: Operation): boolean {
  return operation.status === 'succeeded' || operation.status === 'failed';
}

/**
 * Follows an operation to its end through the backend's long poll, and
 * calls onFinished once when it gets there.
 */
export function useFollowedOperation(
  operationId: string | undefined,
  onFinished: (operation: Operation) => void,
): { operation?: Operation; error?: Error } {
  const api = useApi(dbaasApiRef);
  const [state, setState] = useState<{ operation?: Operation; error?: Error }>(
    {},
  );

  useEffect(() => {
    if (!operationId) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const askedAt = Date.now();
      try {
        const operation = await api.getOperation(operationId, {
          query: { waitMs: WAIT_MS },
        });
        if (!current) return;
        setState({ operation });
        if (isFinished(operation)) {
          onFinished(operation);
          return;
        }
      } catch (error) {
        if (!current) return;
        setState(prev => ({
          operation: prev.operation,
          error: toError(error),
        }));
      }
      const gap = Math.max(0, MIN_GAP_MS - (Date.now() - askedAt));
      timer = setTimeout(poll, gap);
    };
    poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // onFinished is deliberately not a dependency: a new callback from a
    // parent render must not restart the long poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, operationId]);

  return state;
}
