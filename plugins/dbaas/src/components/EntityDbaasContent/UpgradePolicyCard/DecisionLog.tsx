import { MaintenanceDecision } from '@justmanage/plugin-dbaas-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';

const COLOR: Record<
  MaintenanceDecision['outcome'],
  'primary' | 'secondary' | 'default'
> = {
  started: 'primary',
  succeeded: 'primary',
  failed: 'secondary',
  skipped: 'default',
  notified: 'default',
};

/** What the maintenance job decided, newest first, each with its reason. */
export function DecisionLog(props: {
  decisions: MaintenanceDecision[];
  viewerZone?: string;
}) {
  if (props.decisions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No automatic decisions yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Automatic decisions">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Decision</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.decisions.map(d => (
          <TableRow key={d.id}>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {DateTime.fromISO(d.at, {
                zone: props.viewerZone ?? 'local',
              }).toFormat('ccc d LLL HH:mm')}
            </TableCell>
            <TableCell>
              <Chip size="small" color={COLOR[d.outcome]} label={d.outcome} />
            </TableCell>
            <TableCell>{d.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
