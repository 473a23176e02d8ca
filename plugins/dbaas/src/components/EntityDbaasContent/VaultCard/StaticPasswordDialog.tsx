import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../../api';
import { ConnectionField } from '../ConnectionField';
import { formatDuration } from '../formatDuration';
import { vaultErrorText } from './vaultWords';

/**
 * A static role's current password, read from Vault when the dialog
 * opens: one audited read per opening.
 */
export function StaticPasswordDialog(props: {
  instance: Instance;
  username: string;
  onClose: () => void;
}) {
  const { instance, username, onClose } = props;
  const api = useApi(dbaasApiRef);
  const read = useAsync(
    () => api.getVaultStaticCredentials(instance.id, username),
    [api, instance.id, username],
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Password of {username}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          As Vault has it now. Every time it is shown, the backend records it in
          the audit log with your name.
        </DialogContentText>
        {read.loading && <Progress />}
        {read.error && (
          <Alert severity="error">{vaultErrorText(read.error)}</Alert>
        )}
        {read.value && (
          <>
            <ConnectionField
              label="Username"
              name="username"
              value={read.value.username}
            />
            <ConnectionField
              label="Password"
              name="password"
              value={read.value.password}
            />
            <ConnectionField
              label="Next rotation"
              name="next rotation"
              copy={false}
              value={`in ${formatDuration(
                read.value.ttlSeconds * 1000,
              )}, then every ${formatDuration(
                read.value.rotationPeriodSeconds * 1000,
              )}`}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
