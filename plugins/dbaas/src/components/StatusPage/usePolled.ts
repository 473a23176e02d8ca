import { toError } from '@backstage/errors';
import { DependencyList, useCallback, useEffect, useState } from 'react';

/** Health checks run every few seconds; a status view follows them. */
export const STATUS_POLL_INTERVAL_MS = 10_000;

/** @internal */
export interface Polled<T> {
  /** The last value loaded; kept when a later poll fails. */
  value?: T;
  /** The error of the last poll, cleared by the next success. */
  error?: Error;
  /** True only until the first answer. */
  loading: boolean;
  /** Loads again at once, e.g. after the user changed something. */
  refresh: () => void;
}

/**
 * Loads, then loads again an interval after each answer, so a slow backend
 * never has two requests of one view in flight.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  intervalMs: number = STATUS_POLL_INTERVAL_MS,
): Polled<T> {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({
    loading: true,
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = true;
    const next = () => {
      timer = setTimeout(() => setRound(r => r + 1), intervalMs);
    };
    load().then(
      value => {
        if (!current) return;
        setState({ value, loading: false });
        next();
      },
      error => {
        if (!current) return;
        setState(prev => ({
          value: prev.value,
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs, round]);

  const refresh = useCallback(() => setRound(r => r + 1), []);
  return { ...state, refresh };
}
