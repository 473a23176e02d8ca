import { useApi } from '@backstage/core-plugin-api';
import type {
  BackupPolicy,
  BackupPolicyView,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { draftOf, draftProblem, PolicyDraft, policyOf } from './policyDraft';

/**
 * Edits when an instance is backed up and how long its backups are kept.
 * A refusal from the backend is shown as it said it, and changes nothing.
 */
export function BackupPolicyDialog(props: {
  instanceId: string;
  policy: BackupPolicy;
  onClose: () => void;
  onSaved: (view: BackupPolicyView) => void;
}) {
  const { instanceId, onClose, onSaved } = props;
  const api = useApi(dbaasApiRef);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(props.policy));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const problem = draftProblem(draft);

  const change = (field: keyof PolicyDraft) => (value: string) => {
    setRefusal(undefined);
    setDraft(prev => ({ ...prev, [field]: value }));
  };
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await api.setBackupPolicy(instanceId, { body: policyOf(draft) }));
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };
  const field = (name: keyof PolicyDraft, label: string, helper?: string) => (
    <TextField
      id={`dbaas-backup-policy-${name}`}
      label={label}
      value={draft[name]}
      helperText={helper}
      onChange={event => change(name)(event.target.value)}
      margin="dense"
      style={{ marginRight: 16 }}
    />
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby="dbaas-backup-policy">
      <DialogTitle id="dbaas-backup-policy">Backup policy</DialogTitle>
      <DialogContent>
        <RadioGroup
          aria-label="When to back up"
          value={draft.mode}
          onChange={event => change('mode')(event.target.value)}
        >
          <FormControlLabel value="off" control={<Radio />} label="Off" />
          <FormControlLabel
            value="hours"
            control={<Radio />}
            label="Every N hours"
          />
          <FormControlLabel
            value="daily"
            control={<Radio />}
            label="Daily at a time"
          />
        </RadioGroup>
        {draft.mode === 'hours' &&
          field('everyHours', 'Hours between backups', '1 to 168')}
        {draft.mode === 'daily' && (
          <Box>
            {field('dailyAt', 'Time (HH:MM)', '24-hour clock')}
            {field('timeZone', 'Time zone', 'IANA, such as Europe/Berlin')}
          </Box>
        )}
        {draft.mode !== 'off' && (
          <Box>
            {field('count', 'Backups kept', 'the newest, 1 to 1000')}
            {field('maxAgeDays', 'Kept at most (days)', '1 to 3650')}
          </Box>
        )}
        {problem && <Alert severity="info">{problem}</Alert>}
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || !!problem}
          onClick={save}
        >
          Save policy
        </Button>
      </DialogActions>
    </Dialog>
  );
}
