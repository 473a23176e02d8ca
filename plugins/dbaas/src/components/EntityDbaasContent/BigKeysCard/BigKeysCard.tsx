import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  KeyScanReport,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { formatBytes } from '../formatBytes';
import { formatTimeAgo } from '../formatTimeAgo';
import { ReportTabs } from './ReportTabs';
import { ScanProgress } from './ScanProgress';
import { useKeyScan } from './useKeyScan';

const number = new Intl.NumberFormat('en');

function LastScan(props: { report: KeyScanReport }) {
  const { report } = props;
  const when = new Date(report.finishedAt);
  return (
    <Typography variant="body2" color="textSecondary" paragraph>
      Last scan{' '}
      <time dateTime={report.finishedAt} title={when.toLocaleString()}>
        {formatTimeAgo(report.finishedAt)}
      </time>
      : {number.format(report.keysScanned)} keys,{' '}
      {formatBytes(report.memoryBytes)}, in{' '}
      {(report.durationMs / 1000).toFixed(1)} s. PING p99 during the scan{' '}
      {report.latency.p99Ms} ms.
    </Typography>
  );
}

/**
 * The biggest keys of the instance from its last scan, and the scan
 * itself: owners start and cancel it; everyone who may read the instance
 * sees its progress and the report, key names included.
 */
export function BigKeysCard(props: { instance: Instance }) {
  const { instance } = props;
  const { report, running, failed, loading, error, start, cancel } = useKeyScan(
    instance.id,
  );
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });

  let body;
  if (loading) {
    body = <Progress />;
  } else if (report) {
    body = (
      <>
        <LastScan report={report} />
        <ReportTabs report={report} />
      </>
    );
  } else {
    body = (
      <Typography variant="body2">
        No scan yet. A scan reads every key with SCAN, MEMORY USAGE and element
        counts, pacing itself so other clients stay fast.
      </Typography>
    );
  }

  return (
    <InfoCard title="Biggest keys">
      {error && (
        <Box mb={2}>
          <ResponseErrorPanel error={error} />
        </Box>
      )}
      {failed?.error && !running && (
        <Box mb={2}>
          <Alert severity="warning">
            The last scan did not finish: {failed.error}
          </Alert>
        </Box>
      )}
      {running ? (
        <ScanProgress
          operation={running}
          canCancel={allowed}
          onCancel={cancel}
        />
      ) : (
        allowed && (
          <Box mb={2}>
            <Button
              variant="contained"
              color="primary"
              onClick={start}
              disabled={instance.status !== 'running'}
            >
              Scan keys
            </Button>
          </Box>
        )
      )}
      {body}
    </InfoCard>
  );
}
