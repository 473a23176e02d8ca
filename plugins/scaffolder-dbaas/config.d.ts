export interface Config {
  scaffolder?: {
    /** The dbaas:redis:* actions of @justmanage/plugin-scaffolder-backend-module-dbaas. */
    dbaas?: {
      /**
       * How long dbaas:redis:create and dbaas:redis:delete wait for their
       * operation before failing the task; the operation itself goes on.
       * Default 10.
       */
      operationTimeoutMinutes?: number;
    };
  };
}
