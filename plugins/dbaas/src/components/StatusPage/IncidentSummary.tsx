import type { Incident } from '@justmanage/plugin-dbaas-common';
import { formatDuration } from '../EntityDbaasContent/formatDuration';

/** "Down since 14:02:10 (5m 12s)". */
export function IncidentSummary(props: { incident?: Incident }) {
  const { incident } = props;
  if (!incident) return <>—</>;
  const since = new Date(incident.startedAt).toLocaleString();
  return (
    <>
      Down since {since} ({formatDuration(incident.durationSeconds * 1000)})
    </>
  );
}
