import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { Allocation, Json } from '../model';

/** The latest result of one check, as `/v1/client/allocation/:id/checks` answers it. */
export type CheckResult = Json;

function tcpProbe(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise(resolve => {
    const socket = connect({ host, port });
    const done = (error?: string) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () =>
      done(`dial tcp ${host}:${port}: i/o timeout`),
    );
    socket.once('connect', () => done());
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done(
        `dial tcp ${host}:${port}: connect: ${
          e.code === 'ECONNREFUSED' ? 'connection refused' : e.message
        }`,
      ),
    );
  });
}

/**
 * Runs the tcp checks of an allocation's Nomad-native services every
 * `Interval`, once its tasks run. (Nomad-native services allow tcp and
 * http checks; the driver registers tcp only, so http is reported failing.)
 */
export class AllocChecks {
  readonly results: Record<string, CheckResult> = {};
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly alloc: Allocation,
    private readonly onChange: () => void,
  ) {}

  start(): void {
    const group = this.alloc.Job.TaskGroups.find(
      (g: Json) => g.Name === this.alloc.TaskGroup,
    );
    for (const service of group?.Services ?? []) {
      if (service.Provider !== 'nomad') continue;
      for (const check of service.Checks ?? []) {
        const id = createHash('md5')
          .update(`${this.alloc.ID}${service.Name}${check.Name}`)
          .digest('hex');
        const label = check.PortLabel || service.PortLabel;
        const port = this.alloc.AllocatedResources?.Shared?.Ports?.find(
          (p: Json) => p.Label === label,
        );
        this.results[id] = {
          ID: id,
          Check: check.Name,
          Group: `${this.alloc.JobID}.${this.alloc.TaskGroup}`,
          Mode: 'healthiness',
          Output: 'nomad: check not yet run',
          Service: service.Name,
          Status: 'pending',
          StatusCode: 0,
          Task: '',
          Timestamp: Math.floor(Date.now() / 1000),
        };
        const run = async () => {
          let error: string | undefined = `nomad: no port "${label}"`;
          if (check.Type !== 'tcp') {
            error = 'nomad: the test agent runs tcp checks only';
          } else if (port) {
            error = await tcpProbe(
              port.HostIP,
              port.Value,
              check.Timeout / 1e6,
            );
          }
          const before = this.results[id].Status;
          this.results[id] = {
            ...this.results[id],
            Status: error ? 'failure' : 'success',
            Output: error
              ? `nomad: ${error.replace(/^nomad: /, '')}`
              : 'nomad: tcp ok',
            Timestamp: Math.floor(Date.now() / 1000),
          };
          if (before !== this.results[id].Status) this.onChange();
        };
        void run();
        this.#timers.push(setInterval(run, Math.max(50, check.Interval / 1e6)));
      }
    }
  }

  get passing(): boolean {
    return Object.values(this.results).every(r => r.Status === 'success');
  }

  stop(): void {
    for (const timer of this.#timers) clearInterval(timer);
  }
}
