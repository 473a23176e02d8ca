import TextField from '@material-ui/core/TextField';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  INSTANCE_NAME_RULE,
  instanceNameProblem,
} from '@justmanage/plugin-dbaas-common';
import type { DbaasInstanceNameProps } from './schema';

function capitalized(text: string) {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

/**
 * Scaffolder field: the name of a new instance, with the rule in words under
 * it and what breaks the rule as it is typed. Whether the name is taken is
 * asked by the validation, when the user moves on.
 */
export function DbaasInstanceName(props: DbaasInstanceNameProps) {
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
  const value = formData ?? '';
  const problem = value ? instanceNameProblem(value) : undefined;
  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      <TextField
        id={idSchema?.$id ?? 'dbaas-instance-name'}
        label={title ?? 'Name'}
        fullWidth
        margin="normal"
        InputLabelProps={{ required }}
        disabled={disabled}
        error={Boolean(problem) || rawErrors.length > 0}
        helperText={
          problem ? capitalized(problem) : capitalized(INSTANCE_NAME_RULE)
        }
        value={value}
        onChange={event => onChange(event.target.value || undefined)}
      />
    </ScaffolderField>
  );
}
