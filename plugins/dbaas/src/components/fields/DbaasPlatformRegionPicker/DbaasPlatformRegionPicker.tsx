import { ChangeEvent, useEffect } from 'react';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { Platform } from '@justmanage/plugin-dbaas-common';
import { usePlatforms } from '../usePlatforms';
import type {
  DbaasPlatformRegion,
  DbaasPlatformRegionPickerProps,
} from './schema';

/** A region is chosen for the user when the platform has only one. */
function withPlatform(platform: Platform): DbaasPlatformRegion {
  return {
    platform: platform.id,
    region: platform.regions.length === 1 ? platform.regions[0] : '',
  };
}

/**
 * Scaffolder field: the platform and the region of a new instance, from
 * what the backend's drivers offer.
 */
export function DbaasPlatformRegionPicker(
  props: DbaasPlatformRegionPickerProps,
) {
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
  const { value: platforms, loading, error } = usePlatforms();
  const platform = platforms?.find(p => p.id === formData?.platform);
  const id = idSchema?.$id ?? 'dbaas-platform-region';

  // A required choice with a single answer is made for the user.
  useEffect(() => {
    if (required && !formData?.platform && platforms?.length === 1) {
      onChange(withPlatform(platforms[0]));
    }
  }, [required, formData?.platform, platforms, onChange]);

  const onPlatform = (event: ChangeEvent<{ value: unknown }>) => {
    const chosen = platforms?.find(p => p.id === event.target.value);
    onChange(chosen ? withPlatform(chosen) : undefined);
  };
  const onRegion = (event: ChangeEvent<{ value: unknown }>) => {
    onChange({
      platform: formData?.platform ?? '',
      region: event.target.value as string,
    });
  };

  const hasErrors = rawErrors.length > 0;
  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      {title && <FormLabel>{title}</FormLabel>}
      {/* Required is only marked on the labels: the field's validation, which
          names the rule, checks it instead of the browser. */}
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <TextField
            id={`${id}-platform`}
            label="Platform"
            select
            fullWidth
            margin="dense"
            SelectProps={{ native: true }}
            InputLabelProps={{ required }}
            disabled={disabled || loading}
            error={hasErrors || Boolean(error)}
            helperText={
              error
                ? `Platforms could not be loaded: ${error.message}`
                : undefined
            }
            value={formData?.platform ?? ''}
            onChange={onPlatform}
          >
            <option value="">
              {loading ? 'Loading…' : 'Choose a platform'}
            </option>
            {platforms?.map(p => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6}>
          <TextField
            id={`${id}-region`}
            label="Region"
            select
            fullWidth
            margin="dense"
            SelectProps={{ native: true }}
            InputLabelProps={{ required }}
            disabled={disabled || !platform}
            error={hasErrors}
            value={formData?.region ?? ''}
            onChange={onRegion}
          >
            <option value="">Choose a region</option>
            {platform?.regions.map(region => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </TextField>
        </Grid>
      </Grid>
    </ScaffolderField>
  );
}
