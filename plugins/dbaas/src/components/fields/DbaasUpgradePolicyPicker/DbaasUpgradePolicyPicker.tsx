import { useEffect } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import { parseWindowPhrase } from '@justmanage/plugin-dbaas-common';
import type { DbaasUpgradePolicyPickerProps } from './schema';

const DEFAULT_WINDOW = 'Sundays 02:00-03:00 UTC';

/** The window under the box: how it reads, or why it does not. */
function windowHelp(phrase: string): { text: string; ok: boolean } {
  if (!phrase.trim()) {
    return {
      text: 'Days, times and a time zone, e.g. "Sundays 02:00-03:00 IST" or "weekdays 22:00-23:30 Europe/Berlin"',
      ok: true,
    };
  }
  const result = parseWindowPhrase(phrase);
  return result.ok
    ? {
        text: [`Reads as: ${result.normalized}`, ...result.notes].join('. '),
        ok: true,
      }
    : { text: result.error, ok: false };
}

/**
 * Scaffolder field: whether engine patches are applied automatically, and
 * then in which maintenance window, read as it is typed. Switching to
 * manual drops the window from the value, so the review shows what applies.
 */
export function DbaasUpgradePolicyPicker(props: DbaasUpgradePolicyPickerProps) {
  const {
    schema: { title, description },
    uiSchema,
    required,
    disabled,
    rawErrors = [],
    errors,
    formData,
    onChange,
    idSchema,
  } = props;
  const id = idSchema?.$id ?? 'dbaas-upgrades';
  const auto = formData?.mode === 'auto-patch';
  const phrase = formData?.window ?? '';
  const help = windowHelp(phrase);

  // The value says what applies even when the user leaves the default.
  useEffect(() => {
    if (!formData?.mode) onChange({ mode: 'manual' });
  }, [formData?.mode, onChange]);

  const onMode = (mode: string) =>
    onChange(
      mode === 'auto-patch'
        ? { mode: 'auto-patch', window: DEFAULT_WINDOW, securityOnly: false }
        : { mode: 'manual' },
    );

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      {title && <FormLabel id={`${id}-mode-label`}>{title}</FormLabel>}
      <RadioGroup
        aria-labelledby={`${id}-mode-label`}
        value={formData?.mode ?? 'manual'}
        onChange={event => onMode(event.target.value)}
      >
        <FormControlLabel
          value="manual"
          disabled={disabled}
          control={<Radio />}
          label="Manual: upgrades happen only when someone starts them"
        />
        <FormControlLabel
          value="auto-patch"
          disabled={disabled}
          control={<Radio />}
          label="Automatic patch upgrades inside a maintenance window"
        />
      </RadioGroup>
      {auto && (
        <>
          <TextField
            id={`${id}-window`}
            label="Maintenance window"
            fullWidth
            margin="dense"
            InputLabelProps={{ required: true }}
            disabled={disabled}
            error={!help.ok}
            helperText={help.text}
            FormHelperTextProps={
              { role: help.ok ? 'status' : 'alert' } as object
            }
            value={phrase}
            onChange={event =>
              onChange({ ...formData!, window: event.target.value })
            }
          />
          <FormControlLabel
            disabled={disabled}
            control={
              <Checkbox
                checked={Boolean(formData?.securityOnly)}
                onChange={event =>
                  onChange({ ...formData!, securityOnly: event.target.checked })
                }
              />
            }
            label="Only patches that fix a security advisory"
          />
        </>
      )}
    </ScaffolderField>
  );
}
