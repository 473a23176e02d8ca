/**
 * Users named `jm-...` belong to the control plane (`jm-admin`) or to a
 * driver (a Kubernetes readiness probe's `jm-health`): product users
 * cannot take the prefix (isReservedUsername), and converging or checking
 * the instance's users leaves them alone unless the records hold them.
 */
export function isPlatformUsername(username: string): boolean {
  return username.startsWith('jm-');
}
