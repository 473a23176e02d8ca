import { useApi } from '@backstage/core-plugin-api';
import type { Backup, Instance } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';

/** A deleted backup cannot be restored: asked once more. */
export function DeleteBackupDialog(props: {
  instance: Instance;
  backup: Backup;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { instance, backup, onClose, onDeleted } = props;
  const api = useApi(dbaasApiRef);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteBackup(instance.id, backup.id);
      onDeleted();
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="dbaas-delete-backup">
      <DialogTitle id="dbaas-delete-backup">Delete this backup?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The backup of {instance.name} taken{' '}
          {new Date(backup.createdAt).toLocaleString()} is removed from the
          store and cannot be restored afterwards.
        </DialogContentText>
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={busy}
          onClick={remove}
        >
          Delete backup
        </Button>
      </DialogActions>
    </Dialog>
  );
}
