/**
 * The job shapes of Nomad's JSON API (api-docs/json-jobs), as far as the
 * driver writes or reads them. Field names are Nomad's; durations are
 * nanoseconds, as the API takes them.
 */

/** Nanoseconds, the unit of every duration in Nomad's JSON API. */
export type Nanoseconds = number;

export const SECOND_NS: Nanoseconds = 1_000_000_000;

export interface NomadConstraint {
  LTarget?: string;
  RTarget?: string;
  Operand: string;
}

export interface NomadSpread {
  Attribute: string;
  Weight?: number;
  SpreadTarget?: Array<{ Value: string; Percent: number }>;
}

export interface NomadPort {
  Label: string;
  /** 0 (or absent) for a dynamic port. */
  Value?: number;
  To?: number;
  HostNetwork?: string;
}

export interface NomadNetwork {
  Mode?: string;
  DynamicPorts?: NomadPort[];
  ReservedPorts?: NomadPort[];
}

export interface NomadServiceCheck {
  Name: string;
  /** Nomad-native services allow `tcp` and `http` only. */
  Type: 'tcp' | 'http';
  PortLabel?: string;
  Interval: Nanoseconds;
  Timeout: Nanoseconds;
}

export interface NomadService {
  Name: string;
  PortLabel: string;
  Provider: 'nomad' | 'consul';
  Tags?: string[];
  Checks?: NomadServiceCheck[];
}

export interface NomadTemplate {
  /** The template itself (consul-template syntax). */
  EmbeddedTmpl: string;
  /** Relative to the task directory, e.g. `local/redis.conf`. */
  DestPath: string;
  /** `noop`, `restart` or `signal`. */
  ChangeMode: 'noop' | 'restart' | 'signal';
  ChangeSignal?: string;
  /** Octal file mode as a string, e.g. "0600". */
  Perms?: string;
}

export interface NomadResources {
  /** MHz. */
  CPU: number;
  MemoryMB: number;
  /** Oversubscription: the limit above the reservation, where allowed. */
  MemoryMaxMB?: number;
}

export interface NomadRestartPolicy {
  Attempts: number;
  Interval: Nanoseconds;
  Delay: Nanoseconds;
  Mode: 'fail' | 'delay';
}

export interface NomadUpdateStrategy {
  MaxParallel: number;
  HealthCheck?: 'checks' | 'task_states' | 'manual';
  MinHealthyTime?: Nanoseconds;
  HealthyDeadline?: Nanoseconds;
  ProgressDeadline?: Nanoseconds;
  AutoRevert?: boolean;
}

export interface NomadArtifact {
  GetterSource: string;
  GetterOptions?: Record<string, string>;
  RelativeDest?: string;
}

export interface NomadTask {
  Name: string;
  Driver: string;
  Config: Record<string, unknown>;
  Env?: Record<string, string>;
  Templates?: NomadTemplate[];
  Artifacts?: NomadArtifact[];
  Resources: NomadResources;
  RestartPolicy?: NomadRestartPolicy;
  KillTimeout?: Nanoseconds;
  KillSignal?: string;
  Meta?: Record<string, string>;
}

export interface NomadReschedulePolicy {
  Attempts?: number;
  Interval?: Nanoseconds;
  Delay?: Nanoseconds;
  DelayFunction?: 'constant' | 'exponential' | 'fibonacci';
  MaxDelay?: Nanoseconds;
  Unlimited?: boolean;
}

export interface NomadEphemeralDisk {
  SizeMB: number;
  Sticky?: boolean;
  Migrate?: boolean;
}

export interface NomadTaskGroup {
  Name: string;
  Count: number;
  Tasks: NomadTask[];
  Networks?: NomadNetwork[];
  Services?: NomadService[];
  RestartPolicy?: NomadRestartPolicy;
  ReschedulePolicy?: NomadReschedulePolicy;
  EphemeralDisk?: NomadEphemeralDisk;
  Update?: NomadUpdateStrategy;
  Constraints?: NomadConstraint[];
  Spreads?: NomadSpread[];
  Meta?: Record<string, string>;
}

export interface NomadJob {
  ID: string;
  Name?: string;
  Namespace?: string;
  Region?: string;
  Type?: 'service' | 'batch' | 'system';
  Priority?: number;
  Datacenters: string[];
  NodePool?: string;
  TaskGroups: NomadTaskGroup[];
  Update?: NomadUpdateStrategy;
  Constraints?: NomadConstraint[];
  Spreads?: NomadSpread[];
  Meta?: Record<string, string>;
  /** Set by the server. */
  Status?: string;
  StatusDescription?: string;
  Stop?: boolean;
  Stable?: boolean;
  Version?: number;
  CreateIndex?: number;
  ModifyIndex?: number;
  JobModifyIndex?: number;
  SubmitTime?: number;
}

/** An entry of `GET /v1/jobs`. */
export interface NomadJobListStub {
  ID: string;
  Name: string;
  Namespace: string;
  Status: string;
  Stop?: boolean;
  Meta?: Record<string, string> | null;
  CreateIndex: number;
  ModifyIndex: number;
  JobModifyIndex: number;
}

/** What register, revert and deregister answer. */
export interface NomadJobRegisterResponse {
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
  Warnings?: string;
}

export interface NomadJobVersionsResponse {
  Versions: NomadJob[];
  Diffs: import('./plan').NomadJobDiff[] | null;
}
