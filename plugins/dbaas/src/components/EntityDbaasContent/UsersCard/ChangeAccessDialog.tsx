import { useApi } from '@backstage/core-plugin-api';
import type {
  AclUser,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
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
import { AccessFields } from './AccessFields';
import { AccessDraft, accessOf, draftOf, effectiveRules } from './accessDraft';

/**
 * New access for a user. Its password stays, and its open sessions are
 * kept: they follow the new rules from the next command.
 */
export function ChangeAccessDialog(props: {
  instance: Instance;
  user: AclUser;
  onClose: () => void;
  onChanged: (operation: Operation) => void;
}) {
  const { instance, user, onClose, onChanged } = props;
  const api = useApi(dbaasApiRef);
  const [access, setAccess] = useState<AccessDraft>(() => draftOf(user));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const rules = effectiveRules(access);
  const unchanged = rules === user.rules && access.preset === user.preset;
  const canSave = !busy && !!rules && !unchanged;

  const save = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const accepted = await api.updateAclUser(instance.id, user.username, {
        body: accessOf(access),
      });
      onChanged(accepted.operation);
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
      aria-labelledby="acl-user-change"
    >
      <DialogTitle id="acl-user-change">
        Change the access of {user.username}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Its password stays. Clients logged in as {user.username} stay
          connected and follow the new rules from their next command.
        </DialogContentText>
        <AccessFields
          draft={access}
          disabled={busy}
          onChange={draft => {
            setRefusal(undefined);
            setAccess(draft);
          }}
        />
        {unchanged && (
          <DialogContentText>
            This is the access {user.username} has already.
          </DialogContentText>
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
          disabled={!canSave}
          onClick={save}
        >
          Change access
        </Button>
      </DialogActions>
    </Dialog>
  );
}
