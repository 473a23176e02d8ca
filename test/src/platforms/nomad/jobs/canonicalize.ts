import { clone, Job, Json, MINUTE, SECOND } from '../model';

/**
 * Fills in what Nomad fills in when a job is registered (the defaults of
 * the job specification docs), so that a stored job, a plan's diff and a
 * version read back look as they do on a real cluster.
 */
export function canonicalize(
  input: Json,
  defaults: { namespace: string; region: string },
): Job {
  const job = clone(input) as Job;
  job.Name ??= job.ID;
  job.Namespace ||= defaults.namespace;
  job.Region ||= defaults.region;
  job.Type ||= 'service';
  job.Priority ||= 50;
  job.AllAtOnce ??= false;
  job.Stop ??= false;
  job.NodePool ||= 'default';
  job.Datacenters = job.Datacenters?.length ? job.Datacenters : ['*'];
  job.Meta ??= null;
  job.Constraints ??= null;
  job.Spreads ??= null;
  job.Update = { Stagger: 30 * SECOND, MaxParallel: 1, ...job.Update };
  job.TaskGroups = (job.TaskGroups ?? []).map(g => group(g, job));
  return job;
}

function group(input: Json, job: Job): any {
  const g = { ...input };
  g.Count ??= 1;
  g.Constraints ??= null;
  g.Spreads ??= null;
  g.Meta ??= null;
  g.Networks ??= null;
  g.Services = (g.Services ?? []).map(service);
  if (!g.Services.length) g.Services = null;
  g.RestartPolicy = {
    Attempts: 2,
    Interval: 30 * MINUTE,
    Delay: 15 * SECOND,
    Mode: 'fail',
    ...g.RestartPolicy,
  };
  g.ReschedulePolicy = {
    Attempts: 0,
    Interval: 0,
    Delay: 30 * SECOND,
    DelayFunction: 'exponential',
    MaxDelay: 60 * MINUTE,
    Unlimited: true,
    ...g.ReschedulePolicy,
  };
  g.EphemeralDisk = {
    SizeMB: 300,
    Sticky: false,
    Migrate: false,
    ...g.EphemeralDisk,
  };
  g.Update =
    job.Type === 'service'
      ? {
          MaxParallel: 1,
          HealthCheck: 'checks',
          MinHealthyTime: 10 * SECOND,
          HealthyDeadline: 5 * MINUTE,
          ProgressDeadline: 10 * MINUTE,
          AutoRevert: false,
          AutoPromote: false,
          Canary: 0,
          Stagger: 30 * SECOND,
          ...job.Update,
          ...g.Update,
        }
      : null;
  g.Tasks = (g.Tasks ?? []).map((t: Json) => task(t, g.RestartPolicy));
  return g;
}

function task(input: Json, restart: Json): any {
  const t = { ...input };
  t.Config ??= {};
  t.Env ??= null;
  t.Meta ??= null;
  t.User ??= '';
  t.KillTimeout ??= 5 * SECOND;
  t.KillSignal ??= '';
  t.Leader ??= false;
  t.Artifacts ??= null;
  t.RestartPolicy = { ...restart, ...t.RestartPolicy };
  t.Resources = { CPU: 100, MemoryMB: 300, MemoryMaxMB: 0, ...t.Resources };
  t.LogConfig = {
    MaxFiles: 10,
    MaxFileSizeMB: 10,
    Disabled: false,
    ...t.LogConfig,
  };
  t.Templates = (t.Templates ?? []).map((tpl: Json) => ({
    ChangeMode: 'restart',
    ChangeSignal: '',
    Splay: 5 * SECOND,
    Perms: '0644',
    LeftDelim: '{{',
    RightDelim: '}}',
    SourcePath: '',
    EmbeddedTmpl: '',
    ...tpl,
  }));
  if (!t.Templates.length) t.Templates = null;
  return t;
}

function service(input: Json): any {
  return {
    Provider: 'consul',
    Tags: null,
    ...input,
    Checks: (input.Checks ?? []).map((c: Json) => ({ PortLabel: '', ...c })),
  };
}
