import { LoggerService } from '@backstage/backend-plugin-api';

/** What every driver call that changes the platform is given. @public */
export interface DriverContext {
  logger: LoggerService;
  /** Aborted when the operation's lease is lost or the backend stops. */
  signal: AbortSignal;
}
