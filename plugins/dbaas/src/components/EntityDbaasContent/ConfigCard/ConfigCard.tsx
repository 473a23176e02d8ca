import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ConfigChangePreview,
  ConfigChangeRequest,
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
  REDIS_CONF_DOCS_URL,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { ChangeProgress } from '../ChangeProgress';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { changeRequest, configProblems, draftOf } from './configDraft';
import { ConfigFields } from './ConfigFields';
import { ConfigPreview } from './ConfigPreview';

/**
 * The Redis settings users may change, each with a line on what it does.
 * Owners edit them, see from the backend what applies live and what needs
 * a restart, then apply them as an update operation.
 */
export function ConfigCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });
  const current = JSON.stringify([instance.maxmemoryPolicy, instance.config]);
  const [draft, setDraft] = useState(() => draftOf(instance));
  // What the instance has changed to (after applying, or elsewhere).
  useEffect(() => {
    const [maxmemoryPolicy, config] = JSON.parse(current);
    setDraft(draftOf({ maxmemoryPolicy, config }));
  }, [current]);
  const [preview, setPreview] = useState<{
    request: ConfigChangeRequest;
    answer: ConfigChangePreview;
  }>();
  const [operation, setOperation] = useState<Operation>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const problems = configProblems(draft);
  const request = changeRequest(instance, draft);
  const changeable =
    instance.status === 'running' || instance.status === 'down';
  const canPreview =
    allowed &&
    changeable &&
    !busy &&
    !!request &&
    Object.keys(problems).length === 0;

  const ask = async (action: () => Promise<void>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await action();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () =>
    ask(async () => {
      const answer = await api.previewConfigChange(instance.id, {
        body: request!,
      });
      setPreview({ request: request!, answer });
    });
  const apply = () =>
    ask(async () => {
      const accepted = await api.updateInstance(instance.id, {
        body: preview!.request,
      });
      setPreview(undefined);
      setOperation(accepted.operation);
      onChange();
    });

  return (
    <InfoCard title="Configuration">
      <Typography variant="body2" paragraph>
        What each setting does in full:{' '}
        <Link to={REDIS_CONF_DOCS_URL}>redis.conf on redis.io</Link>.
      </Typography>
      <ConfigFields
        draft={draft}
        problems={problems}
        disabled={!allowed || !!preview || !!operation}
        onChange={next => {
          setRefusal(undefined);
          setDraft(next);
        }}
      />
      {!allowed && (
        <Typography variant="body2" color="textSecondary">
          Only the instance's owners may change its settings.
        </Typography>
      )}
      {allowed && !changeable && !operation && (
        <Typography variant="body2" color="textSecondary">
          Settings can be changed when the instance is running or down; it is{' '}
          {instance.status}.
        </Typography>
      )}
      {allowed && !preview && !operation && (
        <Box mt={2}>
          <Button
            variant="contained"
            color="primary"
            disabled={!canPreview}
            onClick={showPreview}
          >
            Preview changes
          </Button>
        </Box>
      )}
      {preview && (
        <Box mt={2} aria-label="Preview">
          <ConfigPreview preview={preview.answer} />
          <Box mt={1} display="flex" style={{ gap: 8 }}>
            <Button
              variant="contained"
              color="primary"
              disabled={busy || preview.answer.changes.length === 0}
              onClick={apply}
            >
              Apply changes
            </Button>
            <Button variant="outlined" onClick={() => setPreview(undefined)}>
              Keep editing
            </Button>
          </Box>
        </Box>
      )}
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
              running: 'Applying the settings…',
              succeeded: 'The settings were applied.',
              failed:
                'Applying the settings failed and the previous ones were restored',
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
