import { useApi } from '@backstage/core-plugin-api';
import { toError } from '@backstage/errors';
import type { KeyScanReport, Operation } from '@justmanage/plugin-dbaas-common';
import { useCallback, useEffect, useState } from 'react';
import { dbaasApiRef, undefinedOn404 } from '../../../api';

/** Progress is saved every second; reading it faster shows nothing new. */
export const SCAN_POLL_INTERVAL_MS = 1000;

function isActive(operation: Operation): boolean {
  return operation.status === 'pending' || operation.status === 'running';
}

/** @internal */
export interface KeyScanState {
  report?: KeyScanReport;
  /** The scan running now, with its progress. */
  running?: Operation;
  /** The newest scan, when it failed or was cancelled after the report. */
  failed?: Operation;
  loading: boolean;
  error?: Error;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * The stored report and the scan in progress. A scan started elsewhere
 * (another tab, the API) is found in the instance's operations, so a
 * reload shows its progress too.
 */
export function useKeyScan(instanceId: string): KeyScanState {
  const api = useApi(dbaasApiRef);
  const [report, setReport] = useState<KeyScanReport>();
  const [running, setRunning] = useState<Operation>();
  const [failed, setFailed] = useState<Operation>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();

  const load = useCallback(async () => {
    try {
      const [latest, operations] = await Promise.all([
        // 404 is the answer for an instance never scanned
        undefinedOn404(api.getLatestKeyScan(instanceId)),
        api.listOperations(instanceId),
      ]);
      const newest = operations.items
        .filter(op => op.type === 'scan-keys')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      setReport(latest);
      setRunning(newest && isActive(newest) ? newest : undefined);
      setFailed(newest?.status === 'failed' ? newest : undefined);
      setError(undefined);
    } catch (e) {
      setError(toError(e));
    } finally {
      setLoading(false);
    }
  }, [api, instanceId]);

  useEffect(() => {
    load();
  }, [load]);

  const runningId = running?.id;
  useEffect(() => {
    if (!runningId) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const operation = await api.getOperation(runningId);
        if (!current) return;
        if (isActive(operation)) {
          setRunning(operation);
        } else {
          await load();
          return;
        }
      } catch (e) {
        if (current) setError(toError(e));
      }
      if (current) timer = setTimeout(poll, SCAN_POLL_INTERVAL_MS);
    };
    timer = setTimeout(poll, SCAN_POLL_INTERVAL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, runningId, load]);

  const start = useCallback(async () => {
    try {
      const { operation } = await api.startKeyScan(instanceId, {
        body: {},
      });
      setRunning(operation);
      setFailed(undefined);
      setError(undefined);
    } catch (e) {
      setError(toError(e));
    }
  }, [api, instanceId]);

  const cancel = useCallback(async () => {
    if (!runningId) return;
    try {
      setRunning(await api.cancelOperation(runningId));
    } catch (e) {
      setError(toError(e));
    }
  }, [api, runningId]);

  return { report, running, failed, loading, error, start, cancel };
}
