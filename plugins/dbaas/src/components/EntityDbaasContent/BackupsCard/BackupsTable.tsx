import type { Backup } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatBytes } from '../formatBytes';
import { formatTimeAgo } from '../formatTimeAgo';
import { LightTone, StatusLight } from '../StatusLight';
import { keyCount, triggerText } from './backupWords';

/** What a row offers: no button the viewer may not use. */
export interface BackupRowActions {
  canRestore: boolean;
  canRestoreInPlace: boolean;
  canDelete: boolean;
  /** Another operation runs on the instance: changes wait. */
  busy: boolean;
  onRestore: (backup: Backup) => void;
  onRestoreInPlace: (backup: Backup) => void;
  onDelete: (backup: Backup) => void;
}

const TONES: Record<Backup['status'], LightTone> = {
  running: 'running',
  complete: 'ok',
  failed: 'error',
};

function Status(props: { backup: Backup }) {
  const { status, error } = props.backup;
  return (
    <>
      <StatusLight tone={TONES[status]}>{status}</StatusLight>
      {error && (
        <Typography variant="caption" display="block" color="error">
          {error}
        </Typography>
      )}
    </>
  );
}

function Actions(props: { backup: Backup; actions: BackupRowActions }) {
  const { backup, actions } = props;
  const complete = backup.status === 'complete';
  return (
    <Box display="flex" style={{ gap: 8, whiteSpace: 'nowrap' }}>
      {actions.canRestore && complete && (
        <Button size="small" onClick={() => actions.onRestore(backup)}>
          Restore to new instance
        </Button>
      )}
      {actions.canRestoreInPlace && complete && (
        <Button
          size="small"
          disabled={actions.busy}
          onClick={() => actions.onRestoreInPlace(backup)}
        >
          Restore in place
        </Button>
      )}
      {actions.canDelete && backup.status !== 'running' && (
        <Button
          size="small"
          color="secondary"
          onClick={() => actions.onDelete(backup)}
        >
          Delete
        </Button>
      )}
    </Box>
  );
}

/** The instance's backups, newest first, one row each. */
export function BackupsTable(props: {
  backups: Backup[];
  actions: BackupRowActions;
}) {
  return (
    <Table size="small" aria-label="Backups">
      <TableHead>
        <TableRow style={{ whiteSpace: 'nowrap' }}>
          <TableCell>Taken</TableCell>
          <TableCell>Size</TableCell>
          <TableCell>Data</TableCell>
          <TableCell>Keys</TableCell>
          <TableCell>Taken by</TableCell>
          <TableCell>Status</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.backups.map(backup => {
          const { manifest } = backup;
          return (
            <TableRow key={backup.id} style={{ verticalAlign: 'top' }}>
              <TableCell>
                {new Date(backup.createdAt).toLocaleString()}
                <Typography variant="caption" display="block">
                  {formatTimeAgo(backup.createdAt)}
                </Typography>
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {backup.sizeBytes === undefined
                  ? '-'
                  : formatBytes(backup.sizeBytes)}
              </TableCell>
              <TableCell>
                {manifest
                  ? `${manifest.engine} ${manifest.version}, RDB format ${manifest.rdbVersion}`
                  : '-'}
              </TableCell>
              <TableCell>{keyCount(backup) ?? '-'}</TableCell>
              <TableCell>{triggerText(backup.trigger)}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <Status backup={backup} />
              </TableCell>
              <TableCell>
                <Actions backup={backup} actions={props.actions} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
