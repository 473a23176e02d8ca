import type { Incident } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatDuration } from '../formatDuration';

const SHOWN = 10;

const when = (iso: string) => new Date(iso).toLocaleString();

/** The latest incidents: when each began and ended, and how long it lasted. */
export function IncidentsTable(props: { incidents: Incident[] }) {
  const { incidents } = props;
  if (!incidents.length) {
    return (
      <Typography variant="body2">No incidents in the last 7 days.</Typography>
    );
  }
  return (
    <Table size="small" aria-label="Incidents">
      <TableHead>
        <TableRow>
          <TableCell>Started</TableCell>
          <TableCell>Ended</TableCell>
          <TableCell>Duration</TableCell>
          <TableCell>Failed checks</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {incidents.slice(0, SHOWN).map(incident => (
          <TableRow key={incident.id}>
            <TableCell>{when(incident.startedAt)}</TableCell>
            <TableCell>
              {incident.endedAt ? when(incident.endedAt) : 'ongoing'}
            </TableCell>
            <TableCell>
              {formatDuration(incident.durationSeconds * 1000)}
            </TableCell>
            <TableCell>{incident.failedChecks}</TableCell>
            <TableCell>{incident.error ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
