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
import { useEffect, useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import {
  DEFAULT_GRACE,
  GraceDraft,
  graceSecondsOf,
  rotationText,
} from './gracePeriod';
import { GracePeriodField } from './GracePeriodField';
import { PasswordShownOnce } from './PasswordShownOnce';
import { formatMoment } from './userWords';

/** The latest moment an old password of the user stops working, if after `now`. */
function lastRetirement(user: AclUser, now: number): string | undefined {
  return user.passwords
    .map(p => p.retiresAt)
    .filter((at): at is string => !!at && Date.parse(at) > now)
    .sort()
    .pop();
}

function nextAfterRotation(user: AclUser, graceSeconds: number): string {
  const until = graceSeconds > 0 && lastRetirement(user, Date.now());
  const old = until
    ? `The old password works until ${formatMoment(until)}.`
    : 'The old password is removed once the new one is in place.';
  return `The card follows the new password onto every node. ${old}`;
}

/**
 * A new password for a user, the old one kept for a grace period so that
 * clients can switch without a failed login; no session is closed. Once
 * the API has accepted it, the new password is shown this once.
 */
export function RotatePasswordDialog(props: {
  instance: Instance;
  user: AclUser;
  onClose: () => void;
  onRotated: (operation: Operation) => void;
}) {
  const { instance, user, onClose, onRotated } = props;
  const { username } = user;
  const api = useApi(dbaasApiRef);
  const [grace, setGrace] = useState<GraceDraft>({
    choice: DEFAULT_GRACE,
    minutes: '',
  });
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [rotated, setRotated] = useState<{
    password: string;
    user: AclUser;
    graceSeconds: number;
  }>();
  // the moment in the words moves on while the dialog is open
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const graceSeconds = graceSecondsOf(grace);
  const pending = lastRetirement(user, now);

  const rotate = async (seconds: number) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const answer = await api.rotateAclUserPassword(instance.id, username, {
        body: { graceSeconds: seconds },
      });
      setRotated({
        password: answer.password,
        user: answer.user,
        graceSeconds: seconds,
      });
      onRotated(answer.operation);
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (rotated) {
    return (
      <Dialog open fullWidth maxWidth="sm" aria-labelledby="acl-user-rotated">
        <DialogTitle id="acl-user-rotated">
          New password for {username}
        </DialogTitle>
        <DialogContent>
          <PasswordShownOnce
            username={username}
            password={rotated.password}
            next={nextAfterRotation(rotated.user, rotated.graceSeconds)}
          />
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
      aria-labelledby="acl-user-rotate"
    >
      <DialogTitle id="acl-user-rotate">
        Rotate the password of {username}
      </DialogTitle>
      <DialogContent>
        <GracePeriodField
          draft={grace}
          disabled={busy}
          onChange={draft => {
            setRefusal(undefined);
            setGrace(draft);
          }}
        />
        {graceSeconds !== undefined && (
          <DialogContentText>
            {rotationText(graceSeconds, now)}
          </DialogContentText>
        )}
        {pending && (
          <DialogContentText>
            The password kept from the previous rotation stops working at{' '}
            {formatMoment(pending)}, or with this one if that is sooner.
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
          disabled={busy || graceSeconds === undefined}
          onClick={() => graceSeconds !== undefined && rotate(graceSeconds)}
        >
          Rotate password
        </Button>
      </DialogActions>
    </Dialog>
  );
}
