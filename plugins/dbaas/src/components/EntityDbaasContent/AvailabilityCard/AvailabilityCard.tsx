import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { dbaasApiRef } from '../../../api';
import { formatUptime } from '../../StatusPage/formatUptime';
import { UpLight } from '../../StatusPage/UpLight';
import { usePolled } from '../../StatusPage/usePolled';
import { formatDuration } from '../formatDuration';
import { IncidentsTable } from './IncidentsTable';

/**
 * What "Up for" counts, said on the card because the Overview's process
 * uptime is another figure: a run of good health checks goes on through a
 * restart that falls between two checks, while the process uptime starts
 * again from zero.
 */
function SinceLine(props: { up?: boolean; since?: string }) {
  const { up, since } = props;
  if (up === undefined || !since) return null;
  const when = new Date(since).toLocaleString();
  return (
    <Typography variant="caption" component="div" color="textSecondary">
      {up
        ? `Answering every health check since ${when}. A restart between two checks does not reset this, unlike the Overview's process uptime.`
        : `Failing the health checks since ${when}.`}
    </Typography>
  );
}

/**
 * Up or down now, uptime over the last day and week, and recent incidents,
 * from the health checks' history.
 */
export function AvailabilityCard(props: { instance: Instance }) {
  const api = useApi(dbaasApiRef);
  const id = props.instance.id;
  const { value, error } = usePolled(() => api.getAvailability(id), [api, id]);

  let content;
  if (!value) {
    content = error ? <ResponseErrorPanel error={error} /> : <Progress />;
  } else {
    content = (
      <>
        <StructuredMetadataTable
          metadata={{
            Now: (
              <>
                <UpLight up={value.up} />
                {value.since
                  ? ` for ${formatDuration(
                      Date.now() - Date.parse(value.since),
                    )}`
                  : ''}
                <SinceLine up={value.up} since={value.since} />
              </>
            ),
            'Uptime 24 h': formatUptime(value.uptime24h),
            'Uptime 7 d': formatUptime(value.uptime7d),
          }}
          options={{ titleFormat: (key: string) => key }}
        />
        <Box mt={2}>
          <IncidentsTable incidents={value.incidents} />
        </Box>
      </>
    );
  }
  return (
    <InfoCard title="Availability" variant="gridItem">
      {content}
    </InfoCard>
  );
}
