import type { LatencyReport } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatTimeAgo } from '../formatTimeAgo';

/** The latency monitor's newest and worst event of each kind. */
export function LatencyEventsTable(props: { latency: LatencyReport }) {
  const { latency } = props;
  if (latency.thresholdMs === 0) {
    return (
      <Typography variant="body2">
        The latency monitor is off. Set latency-monitor-threshold (in
        milliseconds) in Configuration to record events such as slow commands,
        forks and expiry cycles.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        Events slower than {latency.thresholdMs} ms are recorded
        (latency-monitor-threshold).
      </Typography>
      {latency.events.length === 0 ? (
        <Typography variant="body2">No latency events.</Typography>
      ) : (
        <Table size="small" aria-label="latency events">
          <TableHead>
            <TableRow>
              <TableCell>Event</TableCell>
              <TableCell>Last seen</TableCell>
              <TableCell>Latest</TableCell>
              <TableCell>Worst</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {latency.events.map(event => (
              <TableRow key={event.event}>
                <TableCell>
                  <code>{event.event}</code>
                </TableCell>
                <TableCell>{formatTimeAgo(event.latestAt)}</TableCell>
                <TableCell>{event.latestMs} ms</TableCell>
                <TableCell>{event.maxMs} ms</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
