import { UpgradePolicy } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { useEffect, useMemo, useState } from 'react';
import { BlackoutDates } from './BlackoutDates';
import { messageOf } from './messageOf';
import { ActionOutcome, useActionOutcome } from '../ActionOutcome';
import { OpeningsList } from './OpeningsList';
import {
  differs,
  draftOf,
  PolicyDraft,
  readDraft,
  requestOf,
} from './policyDraft';
import { WindowPhraseField } from './WindowPhraseField';

/**
 * The policy being edited: mode, windows as phrases read as they are typed,
 * the openings they lead to, and blackout dates. Read-only without the
 * update permission.
 */
export function PolicyForm(props: {
  policy: UpgradePolicy;
  canEdit: boolean;
  viewerZone?: string;
  onSave: (draft: ReturnType<typeof requestOf>) => Promise<void>;
}) {
  const { policy, canEdit } = props;
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const {
    busy: saving,
    outcome,
    run,
    clear: clearOutcome,
  } = useActionOutcome(messageOf);
  // What the backend kept replaces the draft after a save or a snooze.
  useEffect(() => setDraft(draftOf(policy)), [policy]);
  const read = useMemo(() => readDraft(draft), [draft]);
  const changed = differs(draft, policy);

  const update = (change: Partial<PolicyDraft>) => {
    clearOutcome();
    setDraft(d => ({ ...d, ...change }));
  };
  const setPhrase = (index: number, phrase: string) =>
    update({
      phrases: draft.phrases.map((p, i) => (i === index ? phrase : p)),
    });

  const save = () =>
    run(async () => {
      await props.onSave(requestOf(draft));
      return 'Upgrade policy saved.';
    });

  return (
    <Box
      component="form"
      aria-label="Upgrade policy"
      onSubmit={e => e.preventDefault()}
    >
      <RadioGroup
        aria-label="Upgrade mode"
        value={draft.mode}
        onChange={e => update({ mode: e.target.value as PolicyDraft['mode'] })}
      >
        <FormControlLabel
          value="manual"
          disabled={!canEdit}
          control={<Radio />}
          label="Manual: upgrades happen only when someone starts them"
        />
        <FormControlLabel
          value="auto-patch"
          disabled={!canEdit}
          control={<Radio />}
          label="Automatic patch upgrades inside the maintenance windows (minor and major upgrades stay manual)"
        />
      </RadioGroup>
      {draft.mode === 'auto-patch' && (
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.securityOnly}
              disabled={!canEdit}
              onChange={e => update({ securityOnly: e.target.checked })}
            />
          }
          label="Only patches that fix a security advisory"
        />
      )}

      <Box mt={2}>
        <Typography variant="subtitle2" gutterBottom>
          Maintenance windows
        </Typography>
        {draft.phrases.map((phrase, index) => (
          <WindowPhraseField
            key={index}
            index={index}
            phrase={phrase}
            result={read.results[index]}
            disabled={!canEdit}
            onChange={p => setPhrase(index, p)}
            onRemove={() =>
              update({ phrases: draft.phrases.filter((_, i) => i !== index) })
            }
          />
        ))}
        {canEdit && (
          <Button
            size="small"
            onClick={() => update({ phrases: [...draft.phrases, ''] })}
          >
            Add window
          </Button>
        )}
      </Box>

      <Box mt={2}>
        <Typography variant="subtitle2">Next openings</Typography>
        <OpeningsList
          windows={read.windows.map(w => w.window)}
          snoozedUntil={policy.snoozedUntil}
          blackoutDates={draft.blackoutDates}
          viewerZone={props.viewerZone}
        />
      </Box>

      <Box mt={2}>
        <Typography variant="subtitle2" gutterBottom>
          Blackout dates
        </Typography>
        <BlackoutDates
          dates={draft.blackoutDates}
          disabled={!canEdit}
          onChange={blackoutDates => update({ blackoutDates })}
        />
      </Box>

      <Box mt={2}>
        {canEdit ? (
          <Button
            variant="contained"
            color="primary"
            disabled={!changed || saving || read.problems.length > 0}
            onClick={save}
          >
            Save upgrade policy
          </Button>
        ) : (
          <Typography variant="caption">
            Only those who may change this instance can edit its upgrade policy.
          </Typography>
        )}
        {canEdit && changed && read.problems.length > 0 && (
          <Typography variant="caption" color="error" component="p">
            {read.problems.join('; ')}
          </Typography>
        )}
        <ActionOutcome outcome={outcome} />
      </Box>
    </Box>
  );
}
