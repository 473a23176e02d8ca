import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { isNotFoundError } from '../../api';
import { BigKeysCard } from './BigKeysCard';
import { AlertsCard } from './AlertsCard';
import { AvailabilityCard } from './AvailabilityCard';
import { ConnectionCard } from './ConnectionCard';
import { DangerZoneCard } from './DangerZoneCard';
import { MetricsSection } from './MetricsSection';
import { OperationsCard } from './OperationsCard';
import { OverviewCard } from './OverviewCard';
import { usePolledInstance } from './usePolledInstance';
import { VersionsCard } from './VersionsCard';
import { UpgradePolicyCard } from './UpgradePolicyCard';
import { ResizeCard } from './ResizeCard';
import { ReplicasCard } from './ReplicasCard';
import { ConfigCard } from './ConfigCard';
import { SlowLogCard } from './SlowLogCard';
import { UsersCard } from './UsersCard';
import { TlsCard } from './TlsCard';
import { BackupsCard } from './BackupsCard';
import { VaultCard } from './VaultCard';
import { useLeaveWhenDeleted } from './useLeaveWhenDeleted';

/** The cards of one instance, kept current by polling. */
export function InstanceView(props: { instanceId: string }) {
  const { instance, error, loading, refresh } = usePolledInstance(
    props.instanceId,
  );
  useLeaveWhenDeleted(instance, error);

  if (loading) {
    return <Progress />;
  }
  if (isNotFoundError(error)) {
    return (
      <EmptyState
        missing="data"
        title="This instance no longer exists"
        description={`The dbaas backend has no instance ${props.instanceId}. If it was deleted, this entity will leave the catalog shortly.`}
      />
    );
  }
  if (!instance) {
    return error ? <ResponseErrorPanel error={error} /> : null;
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      {error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            error={error}
            title="Could not refresh the instance; showing what was last loaded"
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <OverviewCard instance={instance} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ConnectionCard instance={instance} />
      </Grid>
      {/* how clients trust it, next to how they reach it; absent without TLS */}
      {instance.tls && instance.tls !== 'disabled' && (
        <Grid item xs={12}>
          <TlsCard instance={instance} onChange={refresh} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <AvailabilityCard instance={instance} />
      </Grid>
      <Grid item xs={12} md={6}>
        <AlertsCard instance={instance} />
      </Grid>
      {/* who may log in, after how to connect and whether it is up */}
      <Grid item xs={12}>
        <UsersCard instance={instance} onChange={refresh} />
        <VaultCard instance={instance} />
      </Grid>
      <Grid item xs={12}>
        <MetricsSection instance={instance} />
      </Grid>
      <Grid item xs={12}>
        <SlowLogCard instance={instance} />
      </Grid>
      {/* Replicas under Resize: both change what runs, next to the settings */}
      <Grid item xs={12} md={5}>
        <ResizeCard instance={instance} onChange={refresh} />
        <Box mt={3}>
          <ReplicasCard instance={instance} onChange={refresh} />
        </Box>
      </Grid>
      <Grid item xs={12} md={7}>
        <ConfigCard instance={instance} onChange={refresh} />
      </Grid>
      <Grid item xs={12}>
        <VersionsCard instance={instance} onChange={refresh} />
      </Grid>
      <Grid item xs={12}>
        <UpgradePolicyCard instance={instance} onChange={refresh} />
      </Grid>
      <Grid item xs={12}>
        <BackupsCard instance={instance} onChange={refresh} />
      </Grid>
      <Grid item xs={12}>
        <BigKeysCard instance={instance} />
      </Grid>
      <Grid item xs={12}>
        <OperationsCard instance={instance} />
      </Grid>
      <Grid item xs={12}>
        <DangerZoneCard instance={instance} onChange={refresh} />
      </Grid>
    </Grid>
  );
}
