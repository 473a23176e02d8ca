import { useApi } from '@backstage/core-plugin-api';
import type {
  Accepted,
  Backup,
  Engine,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';

const AS_BACKED_UP = 'as-backed-up';

/**
 * Restores a backup into a new instance. The engine and version may differ
 * from the backup's: the backend knows which read its RDB format and
 * refuses the rest before creating anything, which is shown as it says.
 */
export function RestoreDialog(props: {
  instance: Instance;
  backup: Backup;
  onClose: () => void;
  onAccepted: (accepted: Accepted) => void;
}) {
  const { instance, backup, onClose, onAccepted } = props;
  const api = useApi(dbaasApiRef);
  const platforms = useAsync(() => api.listPlatforms(), [api]);
  const [name, setName] = useState(`${instance.name}-restored`);
  const [target, setTarget] = useState(AS_BACKED_UP);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const targets =
    platforms.value?.items
      .find(p => p.id === instance.platform)
      ?.engines.flatMap(e => e.versions.map(v => `${e.engine} ${v}`)) ?? [];
  const manifest = backup.manifest;

  const restore = async () => {
    setBusy(true);
    const [engine, version] =
      target === AS_BACKED_UP ? [] : (target.split(' ') as [Engine, string]);
    try {
      onAccepted(
        await api.restoreBackup(instance.id, backup.id, {
          body: { name: name.trim(), engine, version },
        }),
      );
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };
  const changed = (apply: () => void) => {
    setRefusal(undefined);
    apply();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="dbaas-restore-backup"
    >
      <DialogTitle id="dbaas-restore-backup">
        Restore into a new instance
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          A new instance with the settings of {instance.name}, started on this
          backup's data and checked against it key count by key count.{' '}
          {manifest &&
            `The backup is RDB format ${manifest.rdbVersion} (${manifest.engine} ${manifest.version}): the target must read it.`}
        </DialogContentText>
        <TextField
          fullWidth
          margin="dense"
          id="dbaas-restore-name"
          label="Name of the new instance"
          value={name}
          onChange={event => changed(() => setName(event.target.value))}
        />
        <TextField
          select
          fullWidth
          margin="dense"
          id="dbaas-restore-target"
          label="Engine and version"
          value={target}
          onChange={event => changed(() => setTarget(event.target.value))}
        >
          <MenuItem value={AS_BACKED_UP}>
            As {instance.name} runs it ({instance.engine} {instance.version})
          </MenuItem>
          {targets.map(t => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
        {platforms.error && (
          <Alert severity="warning">
            Could not list the platform's versions: {platforms.error.message}
          </Alert>
        )}
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || !name.trim()}
          onClick={restore}
        >
          Restore
        </Button>
      </DialogActions>
    </Dialog>
  );
}
