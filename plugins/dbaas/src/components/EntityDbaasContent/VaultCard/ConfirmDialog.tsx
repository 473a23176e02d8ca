import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import { vaultErrorText } from './vaultWords';

/**
 * Asks before a Vault change that cuts clients off, runs it, and stays
 * open with the backend's reason when it is refused.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirm: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { title, children, confirm, onConfirm, onClose } = props;
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const run = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await onConfirm();
    } catch (error) {
      setRefusal(vaultErrorText(error));
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="vault-confirm"
    >
      <DialogTitle id="vault-confirm">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{children}</DialogContentText>
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
          onClick={run}
        >
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
