import { Config } from '@backstage/config';
import { GatewaySettings } from './gateway/VaultGateways';

function readGateway(config: Config | undefined): GatewaySettings | undefined {
  if (!config) return undefined;
  const host = config.getOptionalString('host') ?? '127.0.0.1';
  const start = config.getNumber('ports.start');
  const end = config.getNumber('ports.end');
  if (
    !(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start > 0 &&
      start <= end &&
      end < 65536
    )
  ) {
    throw new Error(
      `dbaas.vault.gateway.ports: start and end must be ports with start <= end; got ${start} and ${end}`,
    );
  }
  return {
    host,
    advertiseHost: config.getOptionalString('advertiseHost') ?? host,
    ports: { start, end },
  };
}

/** How the product reaches Vault and signs in to it (`dbaas.vault`). */
export interface VaultSettings {
  address: string;
  auth:
    | { kind: 'token'; token: string }
    | { kind: 'approle'; roleId: string; secretId: string; mount: string };
  /** Vault Enterprise namespace, sent as X-Vault-Namespace. */
  namespace?: string;
  /** Where the database secrets engine is mounted. */
  mount: string;
  /** Leases of dynamic credentials, in seconds. */
  defaultTtlSeconds: number;
  maxTtlSeconds: number;
  rotationGraceSeconds: number;
  followIntervalSeconds: number;
  /** Absent: Vault talks to each instance's primary, and the product follows it. */
  gateway?: GatewaySettings;
}

/** `dbaas.vault`, or undefined when the product keeps every credential itself. */
export function readVaultSettings(config: Config): VaultSettings | undefined {
  const vault = config.getOptionalConfig('dbaas.vault');
  if (!vault) return undefined;
  const token = vault.getOptionalString('token');
  const appRole = vault.getOptionalConfig('appRole');
  if (!token === !appRole) {
    throw new Error(
      'dbaas.vault: set exactly one of token and appRole (roleId, secretId)',
    );
  }
  const defaultTtlSeconds =
    vault.getOptionalNumber('defaultTtlSeconds') ?? 3600;
  const maxTtlSeconds = vault.getOptionalNumber('maxTtlSeconds') ?? 86400;
  if (!(defaultTtlSeconds > 0 && maxTtlSeconds >= defaultTtlSeconds)) {
    throw new Error(
      `dbaas.vault: defaultTtlSeconds must be above 0 and at most maxTtlSeconds; got ${defaultTtlSeconds} and ${maxTtlSeconds}`,
    );
  }
  return {
    address: vault.getString('address').replace(/\/+$/, ''),
    auth: token
      ? { kind: 'token', token }
      : {
          kind: 'approle',
          roleId: appRole!.getString('roleId'),
          secretId: appRole!.getString('secretId'),
          mount: appRole!.getOptionalString('mount') ?? 'approle',
        },
    namespace: vault.getOptionalString('namespace'),
    mount: vault.getOptionalString('mount') ?? 'database',
    defaultTtlSeconds,
    maxTtlSeconds,
    rotationGraceSeconds: vault.getOptionalNumber('rotationGraceSeconds') ?? 60,
    followIntervalSeconds:
      vault.getOptionalNumber('followIntervalSeconds') ?? 5,
    gateway: readGateway(vault.getOptionalConfig('gateway')),
  };
}
