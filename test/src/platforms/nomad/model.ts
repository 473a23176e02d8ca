/**
 * The agent keeps objects in the JSON shapes of Nomad's API, so what it
 * stores is what it answers. These names only say which shape a value has.
 */
export type Json = Record<string, any>;

export type Job = Json & {
  ID: string;
  Namespace: string;
  Version: number;
  TaskGroups: TaskGroup[];
};
export type TaskGroup = Json & { Name: string; Count: number; Tasks: Task[] };
export type Task = Json & { Name: string; Driver: string };

export type Allocation = Json & {
  ID: string;
  Namespace: string;
  JobID: string;
  TaskGroup: string;
  NodeID: string;
  DesiredStatus: 'run' | 'stop' | 'evict';
  ClientStatus: 'pending' | 'running' | 'complete' | 'failed' | 'lost';
  Job: Job;
};

export type Evaluation = Json & { ID: string; JobID: string; Status: string };
export type Deployment = Json & { ID: string; JobID: string; Status: string };

export const SECOND = 1_000_000_000;
export const MINUTE = 60 * SECOND;

/** Nomad's ids are UUID-shaped. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowNs(): number {
  return Date.now() * 1_000_000;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Whether a client status is final: the allocation will not run again. */
export function isTerminal(alloc: Allocation): boolean {
  return ['complete', 'failed', 'lost'].includes(alloc.ClientStatus);
}
