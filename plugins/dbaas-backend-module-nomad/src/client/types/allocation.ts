import type { NomadJob } from './job';
/**
 * Allocation shapes of Nomad's API (api-docs/allocations), as the driver
 * reads them to observe nodes.
 */

export interface NomadTaskEvent {
  Type: string;
  Time: number;
  DisplayMessage?: string;
  Message?: string;
  FailsTask?: boolean;
  DriverError?: string;
  DownloadError?: string;
  SetupError?: string;
  KillReason?: string;
  RestartReason?: string;
  ExitCode?: number;
  Signal?: number;
  Details?: Record<string, string>;
}

export interface NomadTaskState {
  State: 'pending' | 'running' | 'dead';
  Failed: boolean;
  Restarts: number;
  StartedAt?: string | null;
  FinishedAt?: string | null;
  LastRestart?: string | null;
  Events: NomadTaskEvent[] | null;
}

/** A port as the scheduler gave it to an allocation. */
export interface NomadPortMapping {
  Label: string;
  Value: number;
  To?: number;
  HostIP: string;
}

export interface NomadAllocatedResources {
  Tasks?: Record<
    string,
    {
      Cpu?: { CpuShares: number };
      Memory?: { MemoryMB: number; MemoryMaxMB?: number };
    }
  >;
  Shared?: {
    DiskMB?: number;
    Ports?: NomadPortMapping[] | null;
    Networks?: Array<{
      IP: string;
      DynamicPorts?: Array<{ Label: string; Value: number; To?: number }>;
      ReservedPorts?: Array<{ Label: string; Value: number; To?: number }>;
    }> | null;
  };
}

export type NomadClientStatus =
  | 'pending'
  | 'running'
  | 'complete'
  | 'failed'
  | 'lost'
  | 'unknown';

export interface NomadAllocation {
  ID: string;
  Name: string;
  Namespace?: string;
  NodeID: string;
  NodeName?: string;
  JobID: string;
  JobVersion: number;
  /** The job at JobVersion: in a single allocation's read, not in lists. */
  Job?: NomadJob;
  TaskGroup: string;
  EvalID?: string;
  DesiredStatus: 'run' | 'stop' | 'evict';
  DesiredDescription?: string;
  ClientStatus: NomadClientStatus;
  ClientDescription?: string;
  TaskStates?: Record<string, NomadTaskState> | null;
  AllocatedResources?: NomadAllocatedResources | null;
  DeploymentStatus?: { Healthy?: boolean | null; Timestamp?: string } | null;
  NextAllocation?: string;
  PreviousAllocation?: string;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime?: number;
  ModifyTime?: number;
}

/** One entry of `GET /v1/client/allocation/:id/checks`. */
export interface NomadCheckResult {
  ID: string;
  Check: string;
  Group: string;
  Task?: string;
  Service: string;
  Mode: 'healthiness' | 'readiness';
  Status: 'success' | 'failure' | 'pending';
  Output: string;
  Timestamp: number;
}

/** `GET /v1/client/allocation/:id/stats`. */
export interface NomadAllocResourceUsage {
  ResourceUsage: {
    MemoryStats: { RSS: number; Usage?: number };
    CpuStats: { TotalTicks: number; UserMode?: number; SystemMode?: number };
  };
  Tasks?: Record<
    string,
    {
      ResourceUsage: {
        MemoryStats: { RSS: number };
        CpuStats: {
          TotalTicks: number;
          UserMode?: number;
          SystemMode?: number;
        };
      };
    }
  >;
  Timestamp: number;
}
