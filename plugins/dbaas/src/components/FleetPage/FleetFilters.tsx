import { ChangeEvent } from 'react';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  INSTANCE_STATUSES,
  InstanceStatus,
} from '@justmanage/plugin-dbaas-common';
import { FleetFilter } from './useInstances';

/** Props of {@link FleetFilters}. */
export interface FleetFiltersProps {
  filter: FleetFilter;
  /** The owner refs to offer. */
  owners: string[];
  onChange(filter: FleetFilter): void;
}

/** Owner and status selects; the empty option means "any". */
export function FleetFilters(props: FleetFiltersProps) {
  const { filter, owners, onChange } = props;

  const onOwner = (event: ChangeEvent<{ value: unknown }>) =>
    onChange({ ...filter, owner: (event.target.value as string) || undefined });
  const onStatus = (event: ChangeEvent<{ value: unknown }>) =>
    onChange({
      ...filter,
      status: (event.target.value as InstanceStatus) || undefined,
    });

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6} md={3}>
        <TextField
          id="dbaas-fleet-owner"
          label="Owner"
          select
          fullWidth
          SelectProps={{ native: true }}
          // the empty choice has a text of its own, so the label must not sit on it
          InputLabelProps={{ shrink: true }}
          value={filter.owner ?? ''}
          onChange={onOwner}
        >
          <option value="">All owners</option>
          {owners.map(owner => (
            <option key={owner} value={owner}>
              {humanizeEntityRef(parseEntityRef(owner), {
                defaultKind: 'group',
              })}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <TextField
          id="dbaas-fleet-status"
          label="Status"
          select
          fullWidth
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          value={filter.status ?? ''}
          onChange={onStatus}
        >
          <option value="">All statuses</option>
          {INSTANCE_STATUSES.map(status => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </TextField>
      </Grid>
    </Grid>
  );
}
