import { useApi } from '@backstage/core-plugin-api';
import type { AclUser, Instance } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { graceSecondsOf } from './gracePeriod';
import { GracePeriodField } from './GracePeriodField';
import {
  daysProblem,
  draftOf,
  graceProblem,
  ScheduleDraft,
} from './rotationSchedule';

/**
 * Off, or a rotation every N days with the grace each one gives. Only the
 * schedule is saved here; the rotations run later, one by one, as the
 * scheduler finds them due, and their new passwords are read with Connect.
 */
export function RotationScheduleDialog(props: {
  instance: Instance;
  user: AclUser;
  onClose: () => void;
  onSaved: (user: AclUser) => void;
}) {
  const { instance, user, onClose, onSaved } = props;
  const { username } = user;
  const api = useApi(dbaasApiRef);
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(user));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const edit = (change: Partial<ScheduleDraft>) => {
    setRefusal(undefined);
    setDraft({ ...draft, ...change });
  };
  // an empty field is not yet wrong: the button waits, the hint stays
  const typedDays = draft.days.trim() ? daysProblem(draft.days) : undefined;
  const everyDays = daysProblem(draft.days) ? undefined : Number(draft.days);
  const graceSeconds = graceSecondsOf(draft.grace);
  const mismatch =
    everyDays !== undefined && graceSeconds !== undefined
      ? graceProblem(everyDays, graceSeconds)
      : undefined;
  const ready =
    !draft.on ||
    (everyDays !== undefined && graceSeconds !== undefined && !mismatch);

  const save = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const body = draft.on
        ? { everyDays: everyDays!, graceSeconds: graceSeconds! }
        : { everyDays: null };
      onSaved(await api.setAclUserRotation(instance.id, username, { body }));
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="acl-user-schedule"
    >
      <DialogTitle id="acl-user-schedule">
        Rotation schedule of {username}
      </DialogTitle>
      <DialogContent>
        <RadioGroup
          aria-label="Scheduled rotation"
          value={draft.on ? 'on' : 'off'}
          onChange={event => edit({ on: event.target.value === 'on' })}
        >
          <FormControlLabel
            value="off"
            disabled={busy}
            control={<Radio color="primary" />}
            label="Off: rotate on demand only"
          />
          <FormControlLabel
            value="on"
            disabled={busy}
            control={<Radio color="primary" />}
            label="Rotate every N days"
          />
        </RadioGroup>
        {draft.on && (
          <>
            <TextField
              id="acl-user-rotate-days"
              label="Days"
              value={draft.days}
              disabled={busy}
              onChange={event => edit({ days: event.target.value })}
              error={!!typedDays}
              helperText={typedDays ?? '1 to 365'}
              inputProps={{ inputMode: 'numeric' }}
            />
            <GracePeriodField
              draft={draft.grace}
              disabled={busy}
              onChange={grace => edit({ grace })}
            />
            {mismatch && <Alert severity="warning">{mismatch}</Alert>}
            <DialogContentText>
              Each rotation makes a new password the way Rotate password does;
              no session is closed. Nobody is shown the new password: clients
              read it with Connect, before the old one stops working.
            </DialogContentText>
          </>
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
          disabled={busy || !ready}
          onClick={save}
        >
          Save schedule
        </Button>
      </DialogActions>
    </Dialog>
  );
}
