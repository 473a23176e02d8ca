import { Instance, parseEngineVersion } from '@justmanage/plugin-dbaas-common';
import { DriverRegistry } from '../drivers/DriverRegistry';

/**
 * The exact version an instance runs. An instance created as "7.0.15" runs
 * one distribution build of it, and which build decides which advisories
 * apply, so a plain version is resolved to the build its primary reports.
 * A version that already names a build, or a driver that cannot tell, keeps
 * the recorded version.
 */
export async function runningVersion(
  instance: Instance,
  drivers: DriverRegistry,
): Promise<string> {
  const recorded = parseEngineVersion(instance.version);
  if (!recorded || recorded.build) return instance.version;
  try {
    const observed = await drivers.get(instance.platform).observe(instance.id);
    const reported = observed.nodes.find(n => n.role === 'primary')?.version;
    const parsed = reported ? parseEngineVersion(reported) : undefined;
    return parsed?.upstream === recorded.upstream
      ? reported!
      : instance.version;
  } catch {
    return instance.version;
  }
}
