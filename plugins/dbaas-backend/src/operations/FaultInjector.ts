import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Crash tests need the backend to be at an exact point when they kill it.
 * With `dbaas.faultInjection.pauseAt: create:provision:after` the worker
 * announces the point on stdout and waits there forever.
 */
export class FaultInjector {
  readonly #pauseAt?: string;
  readonly #logger: LoggerService;

  static fromConfig(config: Config, logger: LoggerService): FaultInjector {
    return new FaultInjector(
      config.getOptionalString('dbaas.faultInjection.pauseAt'),
      logger,
    );
  }

  private constructor(pauseAt: string | undefined, logger: LoggerService) {
    this.#pauseAt = pauseAt;
    this.#logger = logger;
    if (pauseAt) {
      logger.warn(`Fault injection is on: operations pause at ${pauseAt}`);
    }
  }

  async point(type: string, step: string, when: 'before' | 'after') {
    const point = `${type}:${step}:${when}`;
    if (this.#pauseAt !== point) {
      return;
    }
    this.#logger.warn(`Fault injection paused at ${point}`);
    process.stdout.write(`DBAAS_FAULT_PAUSED ${point}\n`);
    await new Promise<never>(() => {});
  }
}
