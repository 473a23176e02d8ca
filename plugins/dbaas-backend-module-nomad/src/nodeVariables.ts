import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { renderAclFile } from './aclFile';
import { NomadDriverSettings } from './config';
import { isSentinelGroup } from './names';
import { renderSettings } from './redisConf';
import {
  AdminLogin,
  PrimaryAddress,
  replicationAuth,
  replicationLines,
} from './replication/replicaConf';
import { renderSentinelConf } from './replication/sentinelConf';

/** The primary as the driver last observed it: its group and, once placed, its address. */
export interface KnownPrimary {
  group: string;
  address?: PrimaryAddress;
}

/**
 * The items of a group's variable, or undefined while they depend on an
 * address Nomad has not allocated yet (a replica or a Sentinel of an
 * instance whose primary is not placed): the task then waits for its
 * variable, as Nomad holds a template whose variable is missing.
 */
export function variableItems(options: {
  spec: DriverInstanceSpec;
  settings: NomadDriverSettings;
  jobId: string;
  group: string;
  primary: KnownPrimary;
  admin: AdminLogin;
}): Record<string, string> | undefined {
  const { spec, group, primary, admin } = options;
  if (isSentinelGroup(group)) {
    if (!primary.address) return undefined;
    return {
      sentinel_conf: renderSentinelConf({
        jobId: options.jobId,
        group,
        masterName: spec.name,
        primary: primary.address,
        users: spec.users,
        admin,
        ...options.settings.sentinel,
      }),
    };
  }
  const items: Record<string, string> = {
    redis_conf: renderSettings(spec),
    users_acl: renderAclFile(spec.users, spec.engine, spec.version),
  };
  if (spec.replicas === 0) return items;
  const isPrimary = group === primary.group;
  if (!isPrimary && !primary.address) return undefined;
  items.redis_conf += replicationLines(isPrimary ? undefined : primary.address);
  items.replication_auth = replicationAuth(admin);
  return items;
}
