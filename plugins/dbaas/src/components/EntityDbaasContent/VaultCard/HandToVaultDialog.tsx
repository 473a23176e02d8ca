import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance } from '@justmanage/plugin-dbaas-common';
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
import { rotationSecondsOf } from './rotationPeriod';
import { vaultErrorText } from './vaultWords';

/**
 * Picks a user made on the Users card and how often Vault rotates it. The
 * default user and Vault's own users cannot be handed over, so they are
 * not offered.
 */
export function HandToVaultDialog(props: {
  instance: Instance;
  onClose: () => void;
  onHanded: (username: string) => void;
}) {
  const { instance, onClose, onHanded } = props;
  const api = useApi(dbaasApiRef);
  const users = useAsync(
    async () =>
      (await api.listAclUsers(instance.id)).items.filter(
        u => !u.default && u.managedBy !== 'vault',
      ),
    [api, instance.id],
  );
  const [username, setUsername] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const period = rotationSecondsOf(minutes);

  const hand = async () => {
    if (!('seconds' in period)) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      await api.createVaultStaticRole(instance.id, {
        body: { username, rotationPeriodSeconds: period.seconds },
      });
      onHanded(username);
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
      aria-labelledby="vault-static-role"
    >
      <DialogTitle id="vault-static-role">Hand a user to Vault</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Vault rotates the user's password at once and then every period, on
          every node of {instance.name}; its clients read the password from
          Vault from then on. The product keeps none of its passwords.
        </DialogContentText>
        {users.loading && <Progress />}
        {users.error && (
          <Alert severity="error">{vaultErrorText(users.error)}</Alert>
        )}
        {users.value && (
          <TextField
            select
            fullWidth
            margin="normal"
            id="vault-static-user"
            label="User"
            value={username}
            onChange={e => setUsername(e.target.value)}
            SelectProps={{
              SelectDisplayProps: { 'aria-label': 'User' } as any,
            }}
            helperText={
              users.value.length
                ? undefined
                : 'Add a user on the Users card first.'
            }
          >
            {users.value.map(u => (
              <MenuItem key={u.username} value={u.username}>
                {u.username}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          fullWidth
          margin="normal"
          id="vault-rotation-period"
          label="Rotation period (minutes)"
          value={minutes}
          onChange={e => setMinutes(e.target.value)}
          error={'problem' in period}
          helperText={'problem' in period ? period.problem : undefined}
        />
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || !username || 'problem' in period}
          onClick={hand}
        >
          Hand {username || 'the user'} to Vault
        </Button>
      </DialogActions>
    </Dialog>
  );
}
