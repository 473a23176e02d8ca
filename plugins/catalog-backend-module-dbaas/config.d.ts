import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The JustManage dbaas entity provider: every instance as a Resource entity. */
      dbaas?: {
        /**
         * How often the instances are read. Default: every 5 seconds with a
         * 60 second timeout, scope global (one replica at a time).
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
