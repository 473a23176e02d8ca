import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { formatTimeAgo } from '../formatTimeAgo';
import { LatencyEventsTable } from './LatencyEventsTable';
import { SlowCommandsTable } from './SlowCommandsTable';

const SLOW_COMMANDS_SHOWN = 50;

/**
 * The primary's slow log and latency events, asked when the card opens
 * and again on Refresh: they are the instance's state now, not a series.
 */
export function SlowLogCard(props: { instance: Instance }) {
  const { id } = props.instance;
  const api = useApi(dbaasApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [slowLog, latency] = await Promise.all([
      api.getSlowLog(id, { query: { count: SLOW_COMMANDS_SHOWN } }),
      api.getLatency(id),
    ]);
    return { slowLog, latency };
  }, [api, id]);

  return (
    <InfoCard title="Slow log and latency">
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 16 }}>
        <Button variant="outlined" onClick={retry} disabled={loading}>
          Refresh
        </Button>
        {value && (
          <Typography variant="caption" color="textSecondary">
            Read {formatTimeAgo(value.slowLog.readAt)}
          </Typography>
        )}
      </Box>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Typography variant="h6">Slow commands</Typography>
          <SlowCommandsTable slowLog={value.slowLog} />
          <Box mt={2}>
            <Typography variant="h6">Latency events</Typography>
            <LatencyEventsTable latency={value.latency} />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
