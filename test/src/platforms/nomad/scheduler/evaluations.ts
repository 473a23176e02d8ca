import { Evaluation, Job, newId } from '../model';

/** A new evaluation for `job`, as register, deregister and the clients create them. */
export function newEvaluation(
  job: Job,
  triggeredBy: string,
  extra: Partial<Evaluation> = {},
): Evaluation {
  return {
    ID: newId(),
    Namespace: job.Namespace,
    Priority: job.Priority ?? 50,
    Type: job.Type ?? 'service',
    TriggeredBy: triggeredBy,
    JobID: job.ID,
    JobModifyIndex: job.JobModifyIndex ?? 0,
    NodeID: '',
    Status: 'pending',
    StatusDescription: '',
    Wait: 0,
    NextEval: '',
    PreviousEval: '',
    BlockedEval: '',
    FailedTGAllocs: null,
    QueuedAllocations: null,
    ...extra,
  } as Evaluation;
}
