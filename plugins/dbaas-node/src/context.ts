import { LoggerService } from '@backstage/backend-plugin-api';

/** What every driver call that changes the platform is given. @public */
export interface DriverContext {
  logger: LoggerService;
  /** Aborted when the operation's lease is lost or the backend stops. */
  signal: AbortSignal;
  /**
   * Adds a line to the operation's log, which its user sees: what the
   * driver asked the platform for and what the platform said (a plan's
   * diff, a placement). Absent outside operations.
   */
  log?(message: string): Promise<void>;
}

/**
 * Says `message` in the backend's log and in the operation's log.
 * @public
 */
export async function report(
  ctx: DriverContext,
  message: string,
): Promise<void> {
  ctx.logger.info(message);
  await ctx.log?.(message);
}
