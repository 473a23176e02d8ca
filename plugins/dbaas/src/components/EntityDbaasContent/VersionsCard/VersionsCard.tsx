import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
  UpgradeCandidate,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { AdvisoryList } from './AdvisoryList';
import { CandidateGroups } from './CandidateGroups';
import { engineLabel } from './describeCandidate';
import { SeverityChip } from './SeverityChip';
import { UpgradeDialog } from './UpgradeDialog';
import { UpgradeProgress } from './UpgradeProgress';

/** Advisories and the upgrade plan, fetched again when the version changes. */
function useVersionData(instance: Instance) {
  const api = useApi(dbaasApiRef);
  return useAsyncRetry(async () => {
    const [advisories, plan] = await Promise.all([
      api.getInstanceAdvisories(instance.id),
      api.getUpgradePlan(instance.id),
    ]);
    return { advisories, plan };
  }, [api, instance.id, instance.engine, instance.version]);
}

/**
 * The Redis tab's versions card: what runs, which advisories affect it, and
 * the upgrades and downgrades on offer, each previewed and confirmed before
 * it starts, then followed to its end.
 */
export function VersionsCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const data = useVersionData(instance);
  const [chosen, setChosen] = useState<UpgradeCandidate>();
  const [running, setRunning] = useState<Operation>();
  const [finished, setFinished] = useState(false);
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });
  const onStarted = useCallback(
    (operation: Operation) => {
      setChosen(undefined);
      setRunning(operation);
      setFinished(false);
      onChange();
    },
    [onChange],
  );
  // The result stays on screen and the new version's candidates come back,
  // so a second step (e.g. a patch after a major upgrade) needs no reload.
  const onFinished = useCallback(() => {
    setFinished(true);
    onChange();
    data.retry();
  }, [onChange, data]);

  const advisories = data.value?.advisories;
  return (
    <InfoCard title="Version and security">
      {data.loading && !data.value && <Progress />}
      {data.error && <ResponseErrorPanel error={data.error} />}
      {advisories && data.value && (
        <>
          <Box display="flex" alignItems="center" mb={1}>
            <Typography variant="h6" component="p" style={{ marginRight: 12 }}>
              {engineLabel(advisories)}
            </Typography>
            {advisories.worstSeverity ? (
              <SeverityChip
                severity={advisories.worstSeverity}
                label={`${advisories.advisories.length} open ${
                  advisories.advisories.length === 1 ? 'advisory' : 'advisories'
                }, worst ${advisories.worstSeverity}`}
              />
            ) : (
              <Typography variant="body2">No known advisories.</Typography>
            )}
          </Box>
          {advisories.advisories.length > 0 && (
            <AdvisoryList
              advisories={advisories.advisories}
              usesTls={instance.endpoints.some(e => e.tls)}
            />
          )}
          <Box mt={3}>
            <Typography variant="subtitle1">Upgrades and downgrades</Typography>
            {running && (
              <UpgradeProgress operation={running} onFinished={onFinished} />
            )}
            {(!running || finished) && (
              <>
                {!allowed && (
                  <Typography variant="body2" color="textSecondary">
                    Only the instance's owners may change its version.
                  </Typography>
                )}
                {instance.status !== 'running' && allowed && (
                  <Typography variant="body2" color="textSecondary">
                    The instance is {instance.status}; versions can change once
                    it runs.
                  </Typography>
                )}
                <CandidateGroups
                  candidates={data.value.plan.candidates}
                  advisories={advisories.advisories}
                  canChange={allowed && instance.status === 'running'}
                  onChoose={setChosen}
                />
              </>
            )}
          </Box>
        </>
      )}
      {chosen && (
        <UpgradeDialog
          instance={instance}
          candidate={chosen}
          onClose={() => setChosen(undefined)}
          onStarted={onStarted}
        />
      )}
    </InfoCard>
  );
}
