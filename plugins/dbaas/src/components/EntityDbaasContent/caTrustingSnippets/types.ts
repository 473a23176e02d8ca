import type {
  ConnectionTarget,
  SentinelAddress,
} from '@justmanage/plugin-dbaas-common';

/** A TLS target whose CA the user saved as `caFile`. */
export type TrustingTarget = ConnectionTarget & { caFile: string };

export type Sentinel = { masterName: string; endpoints: SentinelAddress[] };

/** The two forms of one library's snippet, both trusting the CA file. */
export interface TrustingWriter {
  /** Standalone: everything from REDIS_URL. */
  direct(target: TrustingTarget): string;
  /** Replicated: the Sentinels, the password from REDIS_PASSWORD. */
  sentinel(target: TrustingTarget, sentinel: Sentinel): string;
}
