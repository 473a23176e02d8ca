import { ACL_PRESETS, AclPreset } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { AccessDraft, accessProblems, effectiveRules } from './accessDraft';

const CHOICES: Array<{ id: AclPreset; title: string; description: string }> = [
  ...ACL_PRESETS,
  {
    id: 'custom',
    title: 'Custom rules',
    description:
      'Your own rules: keys (~pattern, %R~ to read, %W~ to write), channels (&pattern), command categories (+@read) and commands (+get, -del).',
  },
];

function PresetLabel(props: { title: string; description: string }) {
  return (
    <Box py={0.5}>
      <Typography variant="body2">{props.title}</Typography>
      <Typography variant="caption" color="textSecondary">
        {props.description}
      </Typography>
    </Box>
  );
}

/**
 * What a user may do: a preset over key patterns, or custom rules, each
 * checked as typed with the API's own checks, and the ACL rules it comes
 * to, so what Redis will be told is never a surprise.
 */
export function AccessFields(props: {
  draft: AccessDraft;
  disabled?: boolean;
  onChange: (draft: AccessDraft) => void;
}) {
  const { draft, disabled, onChange } = props;
  const problems = accessProblems(draft);
  const rules = effectiveRules(draft);
  return (
    <>
      <FormControl component="fieldset" margin="normal" disabled={disabled}>
        <FormLabel component="legend">Access</FormLabel>
        <RadioGroup
          aria-label="Access"
          value={draft.preset}
          onChange={event =>
            onChange({ ...draft, preset: event.target.value as AclPreset })
          }
        >
          {CHOICES.map(choice => (
            <FormControlLabel
              key={choice.id}
              value={choice.id}
              control={<Radio color="primary" />}
              label={<PresetLabel {...choice} />}
            />
          ))}
        </RadioGroup>
      </FormControl>
      {draft.preset === 'custom' ? (
        <TextField
          id="acl-user-rules"
          label="Rules"
          value={draft.rules}
          disabled={disabled}
          onChange={event => onChange({ ...draft, rules: event.target.value })}
          error={!!draft.rules && !!problems.rules}
          helperText={
            (draft.rules && problems.rules) ||
            'Separated by spaces, e.g. %R~app:* +@read +@connection'
          }
          multiline
          fullWidth
          margin="normal"
        />
      ) : (
        <TextField
          id="acl-user-keys"
          label="Key patterns"
          value={draft.keys}
          disabled={disabled}
          onChange={event => onChange({ ...draft, keys: event.target.value })}
          error={!!problems.keys}
          helperText={
            problems.keys ??
            'Separated by spaces, e.g. app:* reports:*; empty for every key'
          }
          fullWidth
          margin="normal"
        />
      )}
      {rules && (
        <Typography variant="body2" color="textSecondary">
          ACL rules:{' '}
          <code aria-label="effective rules" style={{ wordBreak: 'break-all' }}>
            {rules}
          </code>{' '}
          (every user is denied the administrative commands)
        </Typography>
      )}
    </>
  );
}
