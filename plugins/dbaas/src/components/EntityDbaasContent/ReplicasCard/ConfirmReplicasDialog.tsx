import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { changeText, replicasText } from './replicaWords';

/**
 * Says what the change will do before it is done: adding Sentinels changes
 * how clients should connect, and removing replicas may move the primary.
 */
export function ConfirmReplicasDialog(props: {
  instanceName: string;
  from: number;
  to: number;
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { instanceName, from, to, open, onCancel, onConfirm } = props;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      fullWidth
      maxWidth="sm"
      aria-labelledby="dbaas-replicas-confirm-title"
    >
      <DialogTitle id="dbaas-replicas-confirm-title">
        Change {instanceName} to {replicasText(to)}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{changeText(from, to)}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button color="primary" variant="contained" onClick={onConfirm}>
          Change replicas
        </Button>
      </DialogActions>
    </Dialog>
  );
}
