/** An incident as a time span in epoch milliseconds; open without an end. */
export interface DownSpan {
  startedAt: number;
  endedAt?: number;
}

/**
 * Uptime in percent over [from, to], counting only time the checks covered
 * (from the first check on). Each check's result stands until the next
 * check, so the down time is exactly the incidents' overlap with the
 * window, an open incident lasting until `to`. Undefined when no check
 * covers any of the window.
 */
export function uptimePercent(options: {
  from: number;
  to: number;
  trackedSince: number;
  incidents: DownSpan[];
}): number | undefined {
  const start = Math.max(options.from, options.trackedSince);
  const { to } = options;
  if (!(to > start)) return undefined;
  let downMs = 0;
  for (const incident of options.incidents) {
    const overlap =
      Math.min(incident.endedAt ?? to, to) -
      Math.max(incident.startedAt, start);
    if (overlap > 0) downMs += overlap;
  }
  return (100 * (to - start - downMs)) / (to - start);
}
