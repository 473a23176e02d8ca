import { WindowPhraseResult } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import { useId } from 'react';

/**
 * One window as a phrase, read as it is typed: the normal form (and how an
 * ambiguous zone was read) below it, or what is wrong.
 */
export function WindowPhraseField(props: {
  index: number;
  phrase: string;
  result: WindowPhraseResult;
  disabled: boolean;
  onChange: (phrase: string) => void;
  onRemove: () => void;
}) {
  const { index, phrase, result, disabled } = props;
  const name = `Maintenance window ${index + 1}`;
  const inputId = useId();
  let helper: string;
  if (result.ok) {
    helper = [`Reads as: ${result.normalized}`, ...result.notes].join('. ');
  } else if (phrase.trim() === '') {
    helper =
      'e.g. "Sundays 02:00-03:00 IST", "weekdays 22:00-23:30 Europe/Berlin"';
  } else {
    helper = result.error;
  }
  return (
    <Box display="flex" alignItems="flex-start" mb={1}>
      <TextField
        fullWidth
        size="small"
        variant="outlined"
        id={inputId}
        label={name}
        value={phrase}
        disabled={disabled}
        error={!result.ok && phrase.trim() !== ''}
        helperText={helper}
        onChange={e => props.onChange(e.target.value)}
        inputProps={{ 'aria-label': name }}
        FormHelperTextProps={{ role: result.ok ? 'status' : 'alert' } as object}
      />
      {!disabled && (
        <IconButton
          aria-label={`Remove window ${index + 1}`}
          onClick={props.onRemove}
        >
          <DeleteIcon />
        </IconButton>
      )}
    </Box>
  );
}
