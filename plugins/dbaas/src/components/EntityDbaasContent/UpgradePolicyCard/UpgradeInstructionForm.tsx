import {
  parseUpgradeInstruction,
  UpgradePolicy,
  UpgradePolicyRequest,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { useMemo, useState } from 'react';
import { ActionOutcome, useActionOutcome } from '../ActionOutcome';
import { InstructionPreview } from './InstructionPreview';
import { messageOf } from './messageOf';

const EXAMPLE =
  'e.g. "Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST"';

/**
 * The whole policy as one instruction in the user's own words, read as it is
 * typed (the grammar of dbaas-common runs in the browser) and saved only
 * once the user confirms the policy it reads as. Blackout dates are kept.
 */
export function UpgradeInstructionForm(props: {
  policy: UpgradePolicy;
  viewerZone?: string;
  onSave: (request: UpgradePolicyRequest) => Promise<void>;
}) {
  const [instruction, setInstruction] = useState('');
  const { busy, outcome, run, clear } = useActionOutcome(messageOf);
  const typed = instruction.trim() !== '';
  const read = useMemo(
    () => (typed ? parseUpgradeInstruction(instruction) : undefined),
    [instruction, typed],
  );

  const confirm = () =>
    run(async () => {
      if (!read?.ok) throw new Error('Nothing to save');
      await props.onSave({
        mode: read.mode,
        securityOnly: read.securityOnly,
        windows: read.windows.map(w => w.phrase),
        blackoutDates: props.policy.blackoutDates,
      });
      setInstruction('');
      return `Upgrade policy saved: ${read.normalized}.`;
    });

  let helper = EXAMPLE;
  if (read) helper = read.ok ? `Reads as: ${read.normalized}` : read.error;
  return (
    <Box
      component="form"
      aria-label="Upgrade instruction"
      onSubmit={e => e.preventDefault()}
    >
      <TextField
        fullWidth
        multiline
        size="small"
        variant="outlined"
        label="Upgrade instruction"
        value={instruction}
        error={read !== undefined && !read.ok}
        helperText={helper}
        onChange={e => {
          clear();
          setInstruction(e.target.value);
        }}
        inputProps={{ 'aria-label': 'Upgrade instruction' }}
        FormHelperTextProps={
          {
            role: read && (read.ok ? 'status' : 'alert'),
          } as object
        }
      />
      {read?.ok && (
        <>
          <InstructionPreview
            read={read}
            snoozedUntil={props.policy.snoozedUntil}
            blackoutDates={props.policy.blackoutDates}
            viewerZone={props.viewerZone}
          />
          <Box mt={1}>
            <Button
              variant="contained"
              color="primary"
              disabled={busy}
              onClick={confirm}
            >
              Confirm and save this policy
            </Button>
          </Box>
        </>
      )}
      <ActionOutcome outcome={outcome} />
    </Box>
  );
}
