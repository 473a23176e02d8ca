import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { dbaasApiRef } from '../../api';
import { FiringAlertsList } from './FiringAlertsBanner';
import { StatusTable } from './StatusTable';
import { usePolled } from './usePolled';

/**
 * The fleet status page: every instance the user may see, up or down now,
 * its uptime over a day and a week, and what is firing. Without a page
 * header, so that the new frontend system can wrap it in its own.
 */
export function StatusContent() {
  const api = useApi(dbaasApiRef);
  const status = usePolled(async () => {
    const [fleet, alerts] = await Promise.all([
      api.getFleetStatus(),
      api.listAlerts({ query: { state: 'firing' } }),
    ]);
    return [fleet.items, alerts.items] as const;
  }, [api]);

  let body;
  if (status.error && !status.value) {
    body = <ResponseErrorPanel error={status.error} />;
  } else if (!status.value) {
    body = <Progress />;
  } else if (!status.value[0].length) {
    body = (
      <EmptyState
        missing="content"
        title="No Redis instances"
        description="There is no instance you may see yet."
      />
    );
  } else {
    body = (
      <>
        <FiringAlertsList alerts={status.value[1]} />
        <Box mt={2}>
          <StatusTable items={status.value[0]} />
        </Box>
      </>
    );
  }
  return (
    <Content>
      <ContentHeader
        title="Redis status"
        description="Up or down as of the last health check; uptime is the share of the time health checks covered."
      />
      {status.error && status.value && (
        <ResponseErrorPanel
          error={status.error}
          title="Could not refresh; showing what was last loaded"
        />
      )}
      {body}
    </Content>
  );
}
