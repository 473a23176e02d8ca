import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';

/**
 * Every 5 seconds, so that a new instance is in the catalog well within 15
 * seconds of its creation; one listing call is cheap at that rate.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 5 },
  timeout: { seconds: 60 },
  scope: 'global',
};

/**
 * The provider's schedule from `catalog.providers.dbaas.schedule`, or the
 * default. The scope is global unless configured otherwise, so that with
 * several backend replicas one of them refreshes at a time.
 */
export function readProviderSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config.getOptionalConfig(
    'catalog.providers.dbaas.schedule',
  );
  if (!scheduleConfig) {
    return DEFAULT_SCHEDULE;
  }
  const schedule =
    readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
  return { ...schedule, scope: schedule.scope ?? 'global' };
}
