import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Instance, Persistence } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import { describeStatus } from './describeStatus';
import { formatBytes } from './formatBytes';
import { formatDuration } from './formatDuration';
import { formatTimeAgo } from './formatTimeAgo';
import { StatusLight } from './StatusLight';
import { EngineVersion } from '../EngineVersion';

const PERSISTENCE: Record<Persistence, string> = {
  none: 'None (data is lost on restart)',
  rdb: 'RDB snapshots',
  aof: 'Append-only file',
};

const ENGINES: Record<string, string> = { redis: 'Redis', valkey: 'Valkey' };

function HealthLine(props: { instance: Instance }) {
  const { health } = props.instance;
  if (!health) {
    // A block of its own, as the checked line is: inline it would run into
    // the status word ("Upnot checked yet").
    return (
      <Typography variant="caption" component="div">
        not checked yet
      </Typography>
    );
  }
  return (
    <Typography variant="caption" component="div">
      checked {formatTimeAgo(health.checkedAt)}
      {health.error ? `: ${health.error}` : ''}
    </Typography>
  );
}

function memoryText(instance: Instance): string {
  const limit = `${instance.resources.memoryMb} MiB`;
  const used = instance.health?.usedMemoryBytes;
  return used === undefined ? limit : `${limit} (${formatBytes(used)} used)`;
}

/** What the instance is and how it is doing, at a glance. */
export function OverviewCard(props: { instance: Instance }) {
  const { instance } = props;
  const status = describeStatus(instance);
  const uptime = instance.health?.uptimeSeconds;
  const metadata: Record<string, unknown> = {
    Status: (
      <>
        <StatusLight tone={status.tone}>{status.word}</StatusLight>
        <HealthLine instance={instance} />
      </>
    ),
    // The server process's own uptime: an upgrade or a restart sets it back,
    // while the Availability card counts from the last time checks failed.
    'Process uptime':
      uptime === undefined ? '—' : formatDuration(uptime * 1000),
    Engine: (
      <EngineVersion
        engine={ENGINES[instance.engine] ?? instance.engine}
        version={instance.version}
      />
    ),
    Platform: instance.platform,
    Region: instance.region,
    Memory: memoryText(instance),
    CPU: `${instance.resources.cpu} ${
      instance.resources.cpu === 1 ? 'core' : 'cores'
    }`,
    Disk: `${instance.resources.diskGb} GiB`,
    Persistence: PERSISTENCE[instance.persistence] ?? instance.persistence,
    'Eviction policy': instance.maxmemoryPolicy,
    // absent from instances created before TLS existed, which have none
    TLS: instance.tls === 'required' ? 'required' : 'off',
    Owner: <EntityRefLink entityRef={instance.owner} defaultKind="group" />,
  };
  return (
    <InfoCard
      title="Overview"
      subheader={instance.description}
      variant="gridItem"
    >
      <StructuredMetadataTable
        metadata={metadata}
        options={{ titleFormat: key => key }}
      />
    </InfoCard>
  );
}
