import { ChangeEvent, useEffect } from 'react';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  compareVersions,
  type Platform,
} from '@justmanage/plugin-dbaas-common';
import { chosenPlatform } from '../chosenPlatform';
import { usePlatforms } from '../usePlatforms';
import type { DbaasEngineVersion, DbaasVersionPickerProps } from './schema';

type PlatformEngine = Platform['engines'][number];

// One empty list, so that effects depending on the engines do not rerun.
const NO_ENGINES: PlatformEngine[] = [];

/**
 * The newest version is chosen for the user: it carries every fix the
 * platform has, and an older one stays one click away.
 */
function withEngine(engine: PlatformEngine): DbaasEngineVersion {
  const newest = [...engine.versions].sort(compareVersions).pop();
  return { engine: engine.engine, version: newest ?? '' };
}

/**
 * Scaffolder field: the engine and version of a new instance, from what the
 * platform chosen elsewhere in the form offers (the first platform until one
 * is chosen).
 */
export function DbaasVersionPicker(props: DbaasVersionPickerProps) {
  const {
    schema: { title, description },
    uiSchema,
    required,
    disabled,
    rawErrors = [],
    errors,
    formData,
    formContext,
    onChange,
    idSchema,
  } = props;
  const { value: platforms, loading, error } = usePlatforms();
  const platform = platforms
    ? chosenPlatform(
        platforms,
        formContext?.formData,
        uiSchema['ui:options']?.platformField,
      )
    : undefined;
  const engines = platform?.engines ?? NO_ENGINES;
  const engine = engines.find(e => e.engine === formData?.engine);
  const id = idSchema?.$id ?? 'dbaas-version';

  // A required choice starts on the platform's first engine (redis for every
  // platform so far) and its newest version; the user may change both.
  useEffect(() => {
    if (required && !formData?.engine && engines.length > 0) {
      onChange(withEngine(engines[0]));
    }
  }, [required, formData?.engine, engines, onChange]);

  const onEngine = (event: ChangeEvent<{ value: unknown }>) => {
    const chosen = engines.find(e => e.engine === event.target.value);
    onChange(chosen ? withEngine(chosen) : undefined);
  };
  const onVersion = (event: ChangeEvent<{ value: unknown }>) => {
    onChange({
      engine: formData?.engine ?? '',
      version: event.target.value as string,
    });
  };

  let problem: string | undefined;
  if (error) {
    problem = `Platforms could not be loaded: ${error.message}`;
  } else if (platforms && !platform) {
    problem = 'The chosen platform is not offered; choose another one first';
  }

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
            id={`${id}-engine`}
            label="Engine"
            select
            fullWidth
            margin="dense"
            SelectProps={{ native: true }}
            InputLabelProps={{ required }}
            disabled={disabled || loading || engines.length === 0}
            error={hasErrors || Boolean(problem)}
            helperText={problem}
            value={formData?.engine ?? ''}
            onChange={onEngine}
          >
            <option value="">
              {loading ? 'Loading…' : 'Choose an engine'}
            </option>
            {engines.map(e => (
              <option key={e.engine} value={e.engine}>
                {e.engine}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6}>
          <TextField
            id={`${id}-version`}
            label="Version"
            select
            fullWidth
            margin="dense"
            SelectProps={{ native: true }}
            InputLabelProps={{ required }}
            disabled={disabled || !engine}
            error={hasErrors}
            value={formData?.version ?? ''}
            onChange={onVersion}
          >
            <option value="">Choose a version</option>
            {engine?.versions.map(version => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
          </TextField>
        </Grid>
      </Grid>
    </ScaffolderField>
  );
}
