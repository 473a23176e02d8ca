import { useApi } from '@backstage/core-plugin-api';
import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';
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

/**
 * Asks before revoking, and says what a revoke does that a password
 * rotation does not: the clients logged in as the user are cut off now.
 */
export function RevokeUserDialog(props: {
  instance: Instance;
  username: string;
  onClose: () => void;
  onRevoked: (operation: Operation) => void;
}) {
  const { instance, username, onClose, onRevoked } = props;
  const api = useApi(dbaasApiRef);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const revoke = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const accepted = await api.deleteAclUser(instance.id, username);
      onRevoked(accepted.operation);
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
      aria-labelledby="acl-user-revoke"
    >
      <DialogTitle id="acl-user-revoke">Revoke {username}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {username} is removed from every node of {instance.name}, and its live
          sessions are closed: clients logged in as {username} are disconnected
          now and cannot log in again. This cannot be undone; a user added later
          under the same name gets a new password.
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
          onClick={revoke}
        >
          Revoke {username}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
