import { useApi } from '@backstage/core-plugin-api';
import { toError } from '@backstage/errors';
import type { Instance } from '@justmanage/plugin-dbaas-common';
import { useCallback, useEffect, useState } from 'react';
import { dbaasApiRef } from '../../api';

/** Health checks and operations change an instance within seconds. */
export const INSTANCE_POLL_INTERVAL_MS = 5000;

/** @internal */
export interface PolledInstance {
  /** The last instance loaded; kept when a later poll fails. */
  instance?: Instance;
  /** The error of the last poll, cleared by the next success. */
  error?: Error;
  /** True only until the first answer, so refreshes never blank the page. */
  loading: boolean;
  /** Polls at once, for after the user changed something. */
  refresh: () => void;
}

/**
 * Loads an instance and reloads it after each answer plus an interval, so
 * a slow backend never has two requests from one tab in flight.
 */
export function usePolledInstance(
  instanceId: string,
  intervalMs: number = INSTANCE_POLL_INTERVAL_MS,
): PolledInstance {
  const api = useApi(dbaasApiRef);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Omit<PolledInstance, 'refresh'>>({
    loading: true,
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const next = () => {
      timer = setTimeout(() => setRound(r => r + 1), intervalMs);
    };
    api.getInstance(instanceId).then(
      instance => {
        if (!current) return;
        setState({ instance, loading: false });
        next();
      },
      error => {
        if (!current) return;
        setState(prev => ({
          instance: prev.instance,
          error: toError(error),
          loading: false,
        }));
        next();
      },
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, instanceId, intervalMs, round]);

  const refresh = useCallback(() => setRound(r => r + 1), []);
  return { ...state, refresh };
}
