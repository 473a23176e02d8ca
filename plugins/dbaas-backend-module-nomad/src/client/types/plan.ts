/**
 * The plan, diff, evaluation and deployment shapes of Nomad's API
 * (api-docs/jobs "Create Job Plan", api-docs/evaluations, api-docs/deployments).
 */

export type NomadDiffType = 'Added' | 'Deleted' | 'Edited' | 'None';

export interface NomadFieldDiff {
  Type: NomadDiffType;
  Name: string;
  Old: string;
  New: string;
  Annotations?: string[] | null;
}

export interface NomadObjectDiff {
  Type: NomadDiffType;
  Name: string;
  Fields?: NomadFieldDiff[] | null;
  Objects?: NomadObjectDiff[] | null;
}

export interface NomadTaskDiff {
  Type: NomadDiffType;
  Name: string;
  Fields?: NomadFieldDiff[] | null;
  Objects?: NomadObjectDiff[] | null;
  /** e.g. `forces create`, `forces destroy`, `forces in-place update`. */
  Annotations?: string[] | null;
}

export interface NomadTaskGroupDiff {
  Type: NomadDiffType;
  Name: string;
  Fields?: NomadFieldDiff[] | null;
  Objects?: NomadObjectDiff[] | null;
  Tasks?: NomadTaskDiff[] | null;
  /** What the scheduler would do, e.g. `{ "create": 1 }`, `{ "destructive": 1 }`. */
  Updates?: Record<string, number> | null;
}

export interface NomadJobDiff {
  Type: NomadDiffType;
  ID: string;
  Fields?: NomadFieldDiff[] | null;
  Objects?: NomadObjectDiff[] | null;
  TaskGroups?: NomadTaskGroupDiff[] | null;
}

/** Why the scheduler could not place a task group (an AllocMetric). */
export interface NomadAllocMetric {
  NodesEvaluated: number;
  NodesFiltered: number;
  NodesInPool?: number;
  NodesAvailable?: Record<string, number> | null;
  ClassFiltered?: Record<string, number> | null;
  ConstraintFiltered?: Record<string, number> | null;
  NodesExhausted: number;
  ClassExhausted?: Record<string, number> | null;
  DimensionExhausted?: Record<string, number> | null;
  QuotaExhausted?: string[] | null;
  CoalescedFailures?: number;
}

export interface NomadDesiredUpdates {
  Ignore: number;
  Place: number;
  Migrate: number;
  Stop: number;
  InPlaceUpdate: number;
  DestructiveUpdate: number;
  Canary?: number;
}

export interface NomadEvaluation {
  ID: string;
  JobID: string;
  Namespace?: string;
  Type: string;
  TriggeredBy: string;
  JobModifyIndex?: number;
  Status: 'blocked' | 'pending' | 'complete' | 'failed' | 'canceled';
  StatusDescription?: string;
  BlockedEval?: string;
  PreviousEval?: string;
  DeploymentID?: string;
  FailedTGAllocs?: Record<string, NomadAllocMetric> | null;
  QueuedAllocations?: Record<string, number> | null;
  CreateIndex: number;
  ModifyIndex: number;
}

export interface NomadJobPlanResponse {
  JobModifyIndex: number;
  Diff?: NomadJobDiff | null;
  Annotations?: {
    DesiredTGUpdates?: Record<string, NomadDesiredUpdates> | null;
  } | null;
  FailedTGAllocs?: Record<string, NomadAllocMetric> | null;
  CreatedEvals?: NomadEvaluation[] | null;
  Warnings?: string;
}

export interface NomadDeploymentGroupState {
  DesiredTotal: number;
  PlacedAllocs: number;
  HealthyAllocs: number;
  UnhealthyAllocs: number;
  AutoRevert?: boolean;
  RequireProgressBy?: string | null;
}

export interface NomadDeployment {
  ID: string;
  JobID: string;
  JobVersion: number;
  JobModifyIndex: number;
  Status:
    | 'running'
    | 'paused'
    | 'failed'
    | 'successful'
    | 'cancelled'
    | 'pending'
    | 'blocked'
    | 'unblocking'
    | 'initializing';
  StatusDescription: string;
  TaskGroups: Record<string, NomadDeploymentGroupState>;
  CreateIndex: number;
  ModifyIndex: number;
}
