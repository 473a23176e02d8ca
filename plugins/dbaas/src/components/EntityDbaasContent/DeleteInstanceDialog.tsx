import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dbaasApiRef } from '../../api';

/**
 * Asks for the instance name before deleting, the way GitHub does for
 * repositories: a click alone must not destroy a database.
 */
export function DeleteInstanceDialog(props: {
  open: boolean;
  instance: Instance;
  onClose: () => void;
  onDeleted: (operation: Operation) => void;
}) {
  const { open, instance, onClose, onDeleted } = props;
  const api = useApi(dbaasApiRef);
  const [typed, setTyped] = useState('');
  const [{ loading, error }, remove] = useAsyncFn(async () => {
    const { operation } = await api.deleteInstance(instance.id);
    onDeleted(operation);
  }, [api, instance.id, onDeleted]);

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Delete {instance.name}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          This stops the instance and removes its data for good. Type{' '}
          <strong>{instance.name}</strong> to confirm.
        </DialogContentText>
        <TextField
          fullWidth
          id="dbaas-delete-instance-name"
          label="Instance name"
          value={typed}
          onChange={event => setTyped(event.target.value)}
          disabled={loading}
        />
        {error && <ResponseErrorPanel error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={loading}>
          Cancel
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={typed !== instance.name || loading}
          onClick={remove}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
