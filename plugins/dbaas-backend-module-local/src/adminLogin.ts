import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';

/**
 * The control plane's user with its plain password: replicas and Sentinels
 * log in to the other nodes with it, and live changes run as it. Nothing
 * else in the driver sees a plain password.
 */
export interface AdminLogin {
  username: string;
  password: string;
}

export async function revealAdmin(
  spec: DriverInstanceSpec,
): Promise<AdminLogin> {
  return {
    username: spec.admin.username,
    password: await spec.admin.password.reveal(),
  };
}
