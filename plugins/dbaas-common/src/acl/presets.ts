import type { AclPreset } from '../generated';

/** @public */
export interface AclPresetInfo {
  id: Exclude<AclPreset, 'custom'>;
  title: string;
  description: string;
  /** Command rules; the key and channel patterns come before them. */
  commands: string;
}

/**
 * The ready-made permission sets. Every user, custom ones too, also gets
 * `-@admin` last: configuring, replicating and stopping the server is the
 * control plane's.
 * @public
 */
export const ACL_PRESETS: AclPresetInfo[] = [
  {
    id: 'read-only',
    title: 'Read-only',
    description:
      'Reads keys (GET, HGETALL, SCAN, ...); no writes and none of the dangerous commands such as KEYS.',
    commands: '-@all +@read +@connection -@dangerous',
  },
  {
    id: 'read-write-safe',
    title: 'Read-write, without dangerous commands',
    description:
      'Reads and writes keys, transactions and pub/sub; not the dangerous commands (FLUSHALL, KEYS, ...).',
    commands:
      '-@all +@read +@write +@transaction +@pubsub +@connection -@dangerous',
  },
  {
    id: 'read-write',
    title: 'Read-write',
    description:
      'Reads and writes keys, transactions, pub/sub and scripts, the dangerous data commands (FLUSHALL, KEYS) included.',
    commands:
      '-@all +@read +@write +@transaction +@pubsub +@scripting +@connection',
  },
  {
    id: 'full',
    title: 'Everything but administration',
    description:
      'Every command except those that configure or stop the server; what the default app user has.',
    commands: '+@all',
  },
];

/** @public */
export function aclPresetInfo(preset: AclPreset): AclPresetInfo | undefined {
  return ACL_PRESETS.find(p => p.id === preset);
}
