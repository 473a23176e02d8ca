import type { SlowLog } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatTimeAgo } from '../formatTimeAgo';
import { formatMicros } from './formatMicros';

function threshold(slowLog: SlowLog): string {
  if (slowLog.slowerThanMicros < 0) return 'The slow log is off';
  if (slowLog.slowerThanMicros === 0) return 'Every command is logged';
  return `Commands slower than ${formatMicros(
    slowLog.slowerThanMicros,
  )} are logged`;
}

/** The newest slow commands; the backend leaves out every value. */
export function SlowCommandsTable(props: { slowLog: SlowLog }) {
  const { slowLog } = props;
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {threshold(slowLog)} (slowlog-log-slower-than), the newest{' '}
        {slowLog.maxLength} kept (slowlog-max-len). Only the command and its
        first key are shown; values and other arguments never leave the
        instance.
      </Typography>
      {slowLog.entries.length === 0 ? (
        <Typography variant="body2">No slow commands.</Typography>
      ) : (
        <Table size="small" aria-label="slow commands">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Duration</TableCell>
              <TableCell>Command</TableCell>
              <TableCell>Key</TableCell>
              <TableCell>Other arguments</TableCell>
              <TableCell>Client</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {slowLog.entries.map(entry => (
              <TableRow key={entry.id}>
                <TableCell>
                  <time
                    dateTime={entry.startedAt}
                    title={new Date(entry.startedAt).toLocaleString()}
                  >
                    {formatTimeAgo(entry.startedAt)}
                  </time>
                </TableCell>
                <TableCell>{formatMicros(entry.durationMicros)}</TableCell>
                <TableCell>
                  <code>{entry.command}</code>
                </TableCell>
                <TableCell>
                  {entry.key !== undefined ? <code>{entry.key}</code> : '–'}
                </TableCell>
                <TableCell>
                  {entry.redactedArguments > 0
                    ? `${entry.redactedArguments} not shown`
                    : '–'}
                </TableCell>
                <TableCell>
                  {[entry.clientName, entry.client].filter(Boolean).join(' ') ||
                    '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
