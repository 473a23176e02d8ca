import { useApi } from '@backstage/core-plugin-api';
import type {
  Accepted,
  Backup,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';

/**
 * Replacing an instance's data loses every write since the backup, so the
 * owner types the instance's name, as the backend also requires.
 */
export function RestoreInPlaceDialog(props: {
  instance: Instance;
  backup: Backup;
  onClose: () => void;
  onAccepted: (accepted: Accepted) => void;
}) {
  const { instance, backup, onClose, onAccepted } = props;
  const api = useApi(dbaasApiRef);
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const restore = async () => {
    setBusy(true);
    try {
      onAccepted(
        await api.restoreBackupInPlace(instance.id, backup.id, {
          body: { confirm },
        }),
      );
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="dbaas-restore-in-place"
    >
      <DialogTitle id="dbaas-restore-in-place">
        Replace the data of {instance.name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {instance.name} goes back to the backup of{' '}
          {new Date(backup.createdAt).toLocaleString()}. Writes made since then
          are lost from the instance.
        </DialogContentText>
        <DialogContentText>
          A safety backup of the data as it is now is taken first and kept in
          the list until you delete it; if the restore fails after the data was
          replaced, it is put back.
        </DialogContentText>
        <TextField
          fullWidth
          id="dbaas-restore-in-place-confirm"
          label={`Type ${instance.name} to confirm`}
          value={confirm}
          onChange={event => {
            setRefusal(undefined);
            setConfirm(event.target.value);
          }}
        />
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={busy || confirm !== instance.name}
          onClick={restore}
        >
          Replace the data
        </Button>
      </DialogActions>
    </Dialog>
  );
}
