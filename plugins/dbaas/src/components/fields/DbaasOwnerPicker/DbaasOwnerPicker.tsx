import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { DbaasOwnerPickerProps } from './schema';
import { useOwnerChoices } from './useOwnerChoices';

/**
 * Scaffolder field: the owner of a new instance, offering only the user and
 * the groups they belong to, the owners the API lets them create for.
 */
export function DbaasOwnerPicker(props: DbaasOwnerPickerProps) {
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
  const { value: choices = [], loading, error } = useOwnerChoices();
  const chosen = choices.find(choice => choice.ref === formData) ?? null;
  let helperText: string | undefined;
  if (error) {
    helperText = `Your groups could not be loaded: ${error.message}`;
  } else if (formData && !chosen && !loading) {
    // e.g. a form started over from a task of another team's member
    helperText = `${formData} is not one of your groups`;
  }
  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      <Autocomplete
        id={idSchema?.$id ?? 'dbaas-owner'}
        options={choices}
        loading={loading}
        disabled={disabled}
        value={chosen}
        getOptionLabel={choice => choice.title}
        getOptionSelected={(option, value) => option.ref === value.ref}
        onChange={(_event, choice) => onChange(choice?.ref)}
        renderInput={params => (
          <TextField
            {...params}
            label={title ?? 'Owner'}
            margin="dense"
            InputLabelProps={{ ...params.InputLabelProps, required }}
            error={rawErrors.length > 0 || Boolean(error)}
            helperText={helperText}
          />
        )}
      />
    </ScaffolderField>
  );
}
