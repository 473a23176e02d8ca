import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  GRACE_CHOICES,
  GraceDraft,
  MAX_GRACE_MINUTES,
  minutesProblem,
} from './gracePeriod';

/** How long the old password keeps working: a usual period, or minutes. */
export function GracePeriodField(props: {
  draft: GraceDraft;
  disabled?: boolean;
  onChange: (draft: GraceDraft) => void;
}) {
  const { draft, disabled, onChange } = props;
  // an empty field is not yet wrong: the button waits, the hint stays
  const problem = draft.minutes.trim() ? minutesProblem(draft) : undefined;
  return (
    <FormControl component="fieldset" margin="normal" disabled={disabled}>
      <FormLabel component="legend">The old password keeps working</FormLabel>
      <RadioGroup
        aria-label="Grace period"
        row
        value={draft.choice}
        onChange={event => onChange({ ...draft, choice: event.target.value })}
      >
        {GRACE_CHOICES.map(choice => (
          <FormControlLabel
            key={choice.value}
            value={choice.value}
            control={<Radio color="primary" />}
            label={choice.label}
          />
        ))}
        <FormControlLabel
          value="minutes"
          control={<Radio color="primary" />}
          label="Another number of minutes"
        />
      </RadioGroup>
      {draft.choice === 'minutes' && (
        <TextField
          id="acl-user-grace-minutes"
          label="Minutes"
          value={draft.minutes}
          disabled={disabled}
          onChange={event =>
            onChange({ ...draft, minutes: event.target.value })
          }
          error={!!problem}
          helperText={problem ?? `0 to ${MAX_GRACE_MINUTES} (7 days)`}
          inputProps={{ inputMode: 'numeric' }}
        />
      )}
    </FormControl>
  );
}
