import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AlertRulesPatch,
  dbaasInstanceUpdatePermission,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { usePolled } from '../../StatusPage/usePolled';
import { AlertList } from './AlertList';
import { AlertRulesForm } from './AlertRulesForm';

/** The instance's alerts and the thresholds they fire at. */
export function AlertsCard(props: { instance: Instance }) {
  const api = useApi(dbaasApiRef);
  const id = props.instance.id;
  const alerts = usePolled(
    async () => (await api.listInstanceAlerts(id)).items,
    [api, id],
  );
  const rules = useAsyncRetry(() => api.getAlertRules(id), [api, id]);
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: id,
  });
  const save = useCallback(
    async (overrides: AlertRulesPatch) => {
      await api.updateAlertRules(id, { body: overrides });
      rules.retry();
      alerts.refresh();
    },
    [api, id, rules, alerts],
  );

  return (
    <InfoCard title="Alerts" variant="gridItem">
      {alerts.error && <ResponseErrorPanel error={alerts.error} />}
      {alerts.value ? (
        <AlertList alerts={alerts.value} />
      ) : (
        !alerts.error && <Progress />
      )}
      <Box mt={2}>
        <Typography variant="subtitle2" gutterBottom>
          Thresholds
        </Typography>
        {rules.error && <ResponseErrorPanel error={rules.error} />}
        {rules.value && (
          <AlertRulesForm
            settings={rules.value}
            canEdit={allowed}
            onSave={save}
          />
        )}
      </Box>
    </InfoCard>
  );
}
