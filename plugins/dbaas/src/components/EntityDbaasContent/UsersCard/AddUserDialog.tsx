import { useApi } from '@backstage/core-plugin-api';
import {
  ACL_USERNAME_RULE,
  aclUsernameProblem,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { AccessFields } from './AccessFields';
import {
  AccessDraft,
  accessOf,
  accessProblems,
  NEW_USER_ACCESS,
} from './accessDraft';
import { PasswordShownOnce } from './PasswordShownOnce';

function usernameProblem(username: string, taken: string[]) {
  if (taken.includes(username)) {
    return `this instance already has a user named ${username}`;
  }
  return aclUsernameProblem(username);
}

/**
 * A new user: its name and access, checked as typed; once the API has
 * accepted it, the password it generated, shown this once.
 */
export function AddUserDialog(props: {
  instance: Instance;
  /** Names of the instance's users, which a new one cannot take. */
  taken: string[];
  onClose: () => void;
  onCreated: (username: string, operation: Operation) => void;
}) {
  const { instance, taken, onClose, onCreated } = props;
  const api = useApi(dbaasApiRef);
  const [username, setUsername] = useState('');
  const [access, setAccess] = useState<AccessDraft>(NEW_USER_ACCESS);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [created, setCreated] = useState<{ password: string }>();

  const nameProblem = usernameProblem(username, taken);
  const problems = accessProblems(access);
  const canCreate = !busy && !nameProblem && !problems.keys && !problems.rules;

  const create = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const answer = await api.createAclUser(instance.id, {
        body: { username, ...accessOf(access) },
      });
      setCreated({ password: answer.password });
      onCreated(username, answer.operation);
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog open fullWidth maxWidth="sm" aria-labelledby="acl-user-created">
        <DialogTitle id="acl-user-created">User {username} created</DialogTitle>
        <DialogContent>
          <PasswordShownOnce username={username} password={created.password} />
        </DialogContent>
        <DialogActions>
          <Button color="primary" variant="contained" onClick={onClose}>
            I have copied the password
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="acl-user-add"
    >
      <DialogTitle id="acl-user-add">Add a user to {instance.name}</DialogTitle>
      <DialogContent>
        <TextField
          id="acl-user-username"
          label="Username"
          value={username}
          disabled={busy}
          onChange={event => {
            setRefusal(undefined);
            setUsername(event.target.value);
          }}
          error={!!username && !!nameProblem}
          helperText={(username && nameProblem) || `${ACL_USERNAME_RULE}.`}
          fullWidth
        />
        <AccessFields
          draft={access}
          disabled={busy}
          onChange={draft => {
            setRefusal(undefined);
            setAccess(draft);
          }}
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
          disabled={!canCreate}
          onClick={create}
        >
          Create user
        </Button>
      </DialogActions>
    </Dialog>
  );
}
