import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Instance } from '@justmanage/plugin-dbaas-common';
import { FleetFilters } from './FleetFilters';
import { FleetTable } from './FleetTable';
import { NewRedisButton } from './NewRedisButton';
import { FiringAlertsBanner, StatusPageLink } from '../StatusPage';
import { SecurityView } from './SecurityView';
import { FleetFilter, useInstances, useSeenOwners } from './useInstances';

function FleetResult(props: {
  filter: FleetFilter;
  instances?: Instance[];
  loading: boolean;
  error?: Error;
}) {
  const { filter, instances, loading, error } = props;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!instances) {
    return <Progress />;
  }
  if (instances.length === 0 && !loading) {
    const filtered = Boolean(filter.owner || filter.status);
    return (
      <EmptyState
        missing={filtered ? 'data' : 'content'}
        title={
          filtered ? 'No instances match these filters' : 'No Redis instances'
        }
        description={
          filtered
            ? 'Choose another owner or status, or create a new instance.'
            : 'There is no instance you may see yet. Create one from the New Redis template.'
        }
        action={<NewRedisButton />}
      />
    );
  }
  return <FleetTable instances={instances} loading={loading} />;
}

/**
 * The fleet of instances the user may see, with filters. Without a page
 * header, so that the new frontend system can wrap it in its own.
 */
export function FleetContent() {
  const [filter, setFilter] = useState<FleetFilter>({});
  const { value, loading, error } = useInstances(filter);
  const owners = useSeenOwners(value);
  const [view, setView] = useState<'instances' | 'security'>('instances');

  return (
    <Content>
      <ContentHeader title="Redis instances">
        <StatusPageLink />
        <NewRedisButton />
      </ContentHeader>
      <FiringAlertsBanner />
      <Tabs
        value={view}
        onChange={(_event, next) => setView(next)}
        aria-label="fleet views"
      >
        <Tab value="instances" label="Instances" />
        <Tab value="security" label="Security" />
      </Tabs>
      {view === 'security' ? (
        <Box mt={2}>
          <SecurityView />
        </Box>
      ) : (
        <>
          <FleetFilters filter={filter} owners={owners} onChange={setFilter} />
          <Box mt={2}>
            <FleetResult
              filter={filter}
              instances={value}
              loading={loading}
              error={error}
            />
          </Box>
        </>
      )}
    </Content>
  );
}
