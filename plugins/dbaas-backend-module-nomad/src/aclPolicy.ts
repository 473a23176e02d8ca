/**
 * The ACL policy the driver's token needs, and nothing more: list, read
 * and submit jobs in its namespace (submit covers plan, register, revert
 * and deregister), and the variables of its own jobs. Reading allocation
 * checks and stats is `read-job`; `read-fs` copies a node's saved RDB out
 * of its allocation directory for a snapshot. Tasks read their variables with their
 * workload identity, which needs no policy.
 * @public
 */
export function nomadDriverPolicy(
  options: { namespace?: string; jobPrefix?: string } = {},
): string {
  const namespace = options.namespace ?? 'default';
  const prefix = options.jobPrefix ?? 'jm-';
  return `namespace "${namespace}" {
  capabilities = ["list-jobs", "read-job", "submit-job", "read-fs"]

  variables {
    path "nomad/jobs/${prefix}*" {
      capabilities = ["list", "read", "write", "destroy"]
    }
  }
}
`;
}
