import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import {
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';

class CapturingLogger implements RootLoggerService {
  constructor(
    private readonly lines: string[],
    private readonly labels: object = {},
  ) {}

  error(message: string, meta?: Error | object) {
    this.#keep(message, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.#keep(message, meta);
  }
  info(message: string, meta?: Error | object) {
    this.#keep(message, meta);
  }
  debug(message: string, meta?: Error | object) {
    this.#keep(message, meta);
  }
  child(meta: object) {
    return new CapturingLogger(this.lines, { ...this.labels, ...meta });
  }

  #keep(message: string, meta?: Error | object) {
    this.lines.push(
      `${message} ${inspect({ ...this.labels, meta }, { depth: 8 })}`,
    );
  }
}

/**
 * Every line the test backend logs, at every level, with its meta. When
 * scripts/test-all.sh's secrets sweep owns the root logger, its log files
 * of this test process are read instead.
 */
export function capturedLogs() {
  const lines: string[] = [];
  const sweepDir = process.env.JUSTMANAGE_SWEEP_DIR;
  return {
    features: sweepDir
      ? []
      : [
          createServiceFactory({
            service: coreServices.rootLogger,
            deps: {},
            factory: () => new CapturingLogger(lines),
          }),
        ],
    text(): string {
      if (!sweepDir) return lines.join('\n');
      const logs = path.join(sweepDir, 'logs');
      return fs
        .readdirSync(logs)
        .filter(name => name.includes(`-${process.pid}-`))
        .map(name => fs.readFileSync(path.join(logs, name), 'utf8'))
        .join('\n');
    },
  };
}
