import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  InstanceResources,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../../api';
import { ChangeProgress } from '../ChangeProgress';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import {
  changedResources,
  draftOf,
  limitText,
  RESOURCE_FIELDS,
  ResizeDraft,
  resizeProblems,
} from './resizeProblems';

function describe(resources: InstanceResources): string {
  return `${resources.memoryMb} MiB memory, ${resources.cpu} CPU cores, ${resources.diskGb} GiB disk`;
}

/**
 * Memory, CPU and disk of the instance, within its platform's limits.
 * Owners change them; the change runs as an update operation, followed
 * here step by step.
 */
export function ResizeCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const platforms = useAsync(() => api.listPlatforms(), [api]);
  const platform = platforms.value?.items.find(p => p.id === instance.platform);
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });
  const current = JSON.stringify(instance.resources);
  const [draft, setDraft] = useState<ResizeDraft>(() =>
    draftOf(instance.resources),
  );
  // What the instance has changed to (after a resize, or elsewhere).
  useEffect(() => setDraft(draftOf(JSON.parse(current))), [current]);
  const [operation, setOperation] = useState<Operation>();
  const [asked, setAsked] = useState<InstanceResources>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const problems = resizeProblems(draft, platform);
  const changed = changedResources(draft, instance.resources);
  const changeable =
    instance.status === 'running' || instance.status === 'down';
  const canSubmit =
    allowed &&
    changeable &&
    !busy &&
    Object.keys(problems).length === 0 &&
    Object.keys(changed).length > 0;

  const submit = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const accepted = await api.updateInstance(instance.id, {
        body: { resources: changed },
      });
      setAsked({ ...instance.resources, ...changed });
      setOperation(accepted.operation);
      onChange();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title="Resize">
      <Typography variant="body2" paragraph>
        Now: {describe(instance.resources)}.
      </Typography>
      <Box
        component="form"
        aria-label="Resize"
        onSubmit={(event: { preventDefault(): void }) => {
          event.preventDefault();
          if (canSubmit) submit();
        }}
      >
        <Grid container spacing={2}>
          {RESOURCE_FIELDS.map(field => (
            <Grid item xs={12} sm={4} key={field.key}>
              <TextField
                id={`resize-${field.key}`}
                label={field.label}
                value={draft[field.key]}
                disabled={!allowed || !!operation}
                inputProps={{ inputMode: 'decimal' }}
                onChange={event => {
                  setRefusal(undefined);
                  setDraft({ ...draft, [field.key]: event.target.value });
                }}
                error={!!problems[field.key]}
                helperText={
                  problems[field.key] ?? limitText(field, platform) ?? ' '
                }
                fullWidth
              />
            </Grid>
          ))}
        </Grid>
        {!allowed && (
          <Typography variant="body2" color="textSecondary">
            Only the instance's owners may resize it.
          </Typography>
        )}
        {allowed && !changeable && !operation && (
          <Typography variant="body2" color="textSecondary">
            It can be resized when it is running or down; it is{' '}
            {instance.status}.
          </Typography>
        )}
        {allowed && !operation && (
          <Box mt={1}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={!canSubmit}
            >
              Resize
            </Button>
          </Box>
        )}
      </Box>
      {refusal && (
        <Box mt={1}>
          <Alert severity="error">{refusal}</Alert>
        </Box>
      )}
      {operation && (
        <Box mt={2}>
          <ChangeProgress
            operation={operation}
            text={{
              running: `Resizing to ${describe(asked ?? instance.resources)}…`,
              succeeded: `Resized to ${describe(asked ?? instance.resources)}.`,
              failed: 'The resize failed and the previous size was restored',
            }}
            onFinished={() => onChange()}
          />
          <Box mt={1}>
            <Button variant="outlined" onClick={() => setOperation(undefined)}>
              Done
            </Button>
          </Box>
        </Box>
      )}
    </InfoCard>
  );
}
