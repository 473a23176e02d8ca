import { badRequest } from '../http/HttpError';
import { Job } from '../model';

/**
 * The checks Nomad's job validation makes that matter to a driver, each
 * answered as Nomad answers them: 400 with every problem listed.
 */
export function validateJob(job: Job, pathId?: string): void {
  const problems: string[] = [];
  if (!job.ID) problems.push('Missing job ID');
  if (pathId && job.ID !== pathId) {
    throw badRequest('Job ID does not match name');
  }
  if (/\s/.test(job.ID ?? '')) problems.push('Job ID contains a space');
  if (!job.TaskGroups?.length) problems.push('Missing job task groups');
  const names = new Set<string>();
  for (const [i, group] of (job.TaskGroups ?? []).entries()) {
    const where = `Task group ${group.Name || i + 1} validation failed`;
    const groupProblems: string[] = [];
    if (!group.Name) groupProblems.push(`Task group ${i + 1} missing name`);
    if (names.has(group.Name)) {
      groupProblems.push(`Job task group ${i + 1} redefines '${group.Name}'`);
    }
    names.add(group.Name);
    if (!(group.Count >= 0))
      groupProblems.push("Task group count can't be negative");
    if (!group.Tasks?.length)
      groupProblems.push('Missing tasks for task group');
    const ports = new Set(
      (group.Networks ?? []).flatMap((n: any) =>
        [...(n.DynamicPorts ?? []), ...(n.ReservedPorts ?? [])].map(
          (p: any) => p.Label,
        ),
      ),
    );
    for (const service of group.Services ?? []) {
      if (service.Provider === 'nomad') {
        for (const check of service.Checks ?? []) {
          // Nomad-native service checks allow only these two.
          if (!['tcp', 'http'].includes(check.Type)) {
            groupProblems.push(
              `Service ${service.Name} is nomad but check ${check.Name} has invalid type "${check.Type}"; nomad services only allow tcp and http checks`,
            );
          }
        }
      }
      if (service.PortLabel && !ports.has(service.PortLabel)) {
        groupProblems.push(
          `Service ${service.Name} uses an undefined port label "${service.PortLabel}"`,
        );
      }
    }
    for (const task of group.Tasks ?? []) {
      if (!task.Driver) groupProblems.push(`Task ${task.Name} missing driver`);
      if (['raw_exec', 'exec'].includes(task.Driver) && !task.Config?.command) {
        groupProblems.push(
          `Task ${task.Name}: Missing required field "command"`,
        );
      }
      if (task.Resources && task.Resources.MemoryMB < 10) {
        groupProblems.push(
          `Task ${task.Name}: minimum MemoryMB value is 10; got ${task.Resources.MemoryMB}`,
        );
      }
    }
    if (groupProblems.length) {
      problems.push(
        `${where}: ${
          groupProblems.length
        } error(s) occurred:\n\t* ${groupProblems.join('\n\t* ')}`,
      );
    }
  }
  if (problems.length) {
    throw badRequest(
      `${problems.length} error${
        problems.length > 1 ? 's' : ''
      } occurred:\n\t* ${problems.join('\n\t* ')}\n`,
    );
  }
}
