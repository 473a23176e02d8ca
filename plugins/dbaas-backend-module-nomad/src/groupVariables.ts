import { NomadClient, NomadJob } from './client';
import { ordinalOf, variablePath } from './names';
import { KnownPrimary } from './nodeVariables';
import { withReplicaOf } from './replication/replicaConf';

/** Writes a variable only when its items differ, so templates are not woken for nothing. */
export async function writeVariable(
  client: NomadClient,
  path: string,
  items: Record<string, string>,
): Promise<void> {
  const current = (await client.readVariable(path))?.value;
  if (current && JSON.stringify(current.Items) === JSON.stringify(items))
    return;
  await client.putVariable(path, items, { cas: current?.ModifyIndex ?? 0 });
}

/** Data nodes outside an update's scope follow the current primary too. */
export async function repointOthers(
  client: NomadClient,
  jobId: string,
  job: NomadJob,
  inScope: string[],
  primary: KnownPrimary,
): Promise<void> {
  for (const { Name: group } of job.TaskGroups) {
    if (inScope.includes(group) || ordinalOf(group) === undefined) continue;
    const path = variablePath(jobId, group);
    const current = (await client.readVariable(path))?.value;
    if (!current?.Items.redis_conf) continue;
    await writeVariable(client, path, {
      ...current.Items,
      redis_conf: withReplicaOf(
        current.Items.redis_conf,
        group === primary.group ? undefined : primary.address,
      ),
    });
  }
}

/** Variables of groups the job no longer has (removed replicas, Sentinels). */
export async function deleteRemovedVariables(
  client: NomadClient,
  jobId: string,
  job: NomadJob,
): Promise<void> {
  const kept = new Set(job.TaskGroups.map(g => variablePath(jobId, g.Name)));
  const { value: variables } = await client.listVariables(
    `nomad/jobs/${jobId}/`,
  );
  for (const variable of variables) {
    if (!kept.has(variable.Path)) await client.deleteVariable(variable.Path);
  }
}
