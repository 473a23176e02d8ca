import { useEffect } from 'react';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { Platform } from '@justmanage/plugin-dbaas-common';
import { chosenPlatform } from '../chosenPlatform';
import { usePlatforms } from '../usePlatforms';
import {
  RESOURCE_FIELDS,
  ResourceKey,
  limitRange,
  resourceProblems,
} from './resourceProblems';
import type { DbaasResources, DbaasResourcesPickerProps } from './schema';

const CUSTOM = 'custom';
// One empty list, so that the effect depending on the sizes does not rerun.
const NO_SIZES: { id: string; title: string; memoryMb: number }[] = [];

/** Room for an RDB snapshot and an AOF rewrite next to each other. */
function diskFor(memoryMb: number, platform: Platform | undefined): number {
  const wanted = Math.max(1, Math.ceil((memoryMb * 2) / 1024));
  return platform ? clamp(wanted, platform.limits.diskGb) : wanted;
}

function clamp(value: number, limit: { min: number; max: number }) {
  return Math.min(Math.max(value, limit.min), limit.max);
}

/** The first preset (or the least memory), one core, and a disk to match. */
function initialResources(
  sizes: { id: string; memoryMb: number }[],
  platform: Platform,
): DbaasResources {
  const preset = sizes[0];
  const memoryMb = preset?.memoryMb ?? platform.limits.memoryMb.min;
  return {
    size: preset?.id ?? CUSTOM,
    memoryMb,
    cpu: clamp(1, platform.limits.cpu),
    diskGb: diskFor(memoryMb, platform),
  };
}

/**
 * Scaffolder field: memory, CPU and disk of a new instance, with the chosen
 * platform's limits next to each and what it would refuse said as it is
 * typed. A preset size fills in the memory and a disk to match.
 */
export function DbaasResourcesPicker(props: DbaasResourcesPickerProps) {
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
  const options = uiSchema['ui:options'] ?? {};
  const sizes = options.sizes ?? NO_SIZES;
  const { value: platforms } = usePlatforms();
  const platform = platforms
    ? chosenPlatform(platforms, formContext?.formData, options.platformField)
    : undefined;
  const problems = platform ? resourceProblems(formData, platform) : {};
  const id = idSchema?.$id ?? 'dbaas-resources';
  const size = formData?.size ?? CUSTOM;
  const empty =
    formData?.memoryMb === undefined &&
    formData?.cpu === undefined &&
    formData?.diskGb === undefined;

  // A form without a size yet starts on the first preset, within the limits.
  useEffect(() => {
    if (empty && platform) onChange(initialResources(sizes, platform));
  }, [empty, platform, sizes, onChange]);

  const onSize = (chosen: string) => {
    const preset = sizes.find(s => s.id === chosen);
    const memoryMb = preset?.memoryMb ?? formData?.memoryMb ?? 256;
    onChange({
      ...(formData as DbaasResources),
      size: chosen,
      memoryMb,
      diskGb: preset ? diskFor(memoryMb, platform) : formData?.diskGb ?? 1,
    });
  };
  const onNumber = (key: ResourceKey, text: string) => {
    onChange({
      ...(formData as DbaasResources),
      [key]: text === '' ? undefined : Number(text),
    });
  };

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      {title && <FormLabel id={`${id}-size-label`}>{title}</FormLabel>}
      <RadioGroup
        aria-labelledby={`${id}-size-label`}
        value={size}
        onChange={event => onSize(event.target.value)}
      >
        {[...sizes, { id: CUSTOM, title: 'Custom', memoryMb: undefined }].map(
          s => (
            <FormControlLabel
              key={s.id}
              value={s.id}
              disabled={disabled}
              control={<Radio />}
              label={s.memoryMb ? `${s.title} (${s.memoryMb} MiB)` : s.title}
            />
          ),
        )}
      </RadioGroup>
      <Grid container spacing={2}>
        {RESOURCE_FIELDS.map(({ key, label, name }) => (
          <Grid item xs={12} sm={4} key={key}>
            <TextField
              id={`${id}-${key}`}
              label={label}
              type="number"
              fullWidth
              margin="dense"
              inputProps={{ step: key === 'cpu' ? 0.1 : 1 }}
              // Presets decide the memory; "Custom" lets the user type it.
              disabled={disabled || (key === 'memoryMb' && size !== CUSTOM)}
              error={Boolean(problems[key])}
              helperText={
                problems[key]
                  ? `${name} ${problems[key]}`
                  : platform && limitRange(key, platform)
              }
              value={formData?.[key] ?? ''}
              onChange={event => onNumber(key, event.target.value)}
            />
          </Grid>
        ))}
      </Grid>
      {platform && (
        <Typography variant="caption" color="textSecondary">
          Limits on {platform.title}: memory {limitRange('memoryMb', platform)},
          CPU {limitRange('cpu', platform)}, disk{' '}
          {limitRange('diskGb', platform)}.
        </Typography>
      )}
    </ScaffolderField>
  );
}
