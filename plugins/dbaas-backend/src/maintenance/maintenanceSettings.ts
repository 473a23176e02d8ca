import { Config } from '@backstage/config';

/** `dbaas.maintenance` with the defaults filled in. */
export interface MaintenanceSettings {
  intervalSeconds: number;
  minimumMinutesLeft: number;
  noticeHours: number;
}

export function readMaintenanceSettings(config: Config): MaintenanceSettings {
  const section = config.getOptionalConfig('dbaas.maintenance');
  return {
    intervalSeconds: section?.getOptionalNumber('intervalSeconds') ?? 60,
    minimumMinutesLeft: section?.getOptionalNumber('minimumMinutesLeft') ?? 15,
    noticeHours: section?.getOptionalNumber('noticeHours') ?? 24,
  };
}
