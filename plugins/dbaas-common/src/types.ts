import type { Engine, InstanceStatus, Persistence } from './generated';
/** @public */
export const ENGINES: readonly Engine[] = ['redis', 'valkey'];

/** @public */
export const PERSISTENCE_MODES: readonly Persistence[] = ['none', 'rdb', 'aof'];

/** The eviction policies Redis and Valkey accept for `maxmemory-policy`. @public */
export const MAXMEMORY_POLICIES = [
  'noeviction',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
] as const;

/** @public */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'provisioning',
  'running',
  'updating',
  'down',
  'deleting',
  'failed',
];

/** @public */
export type OperationType =
  | 'create'
  | 'update'
  | 'delete'
  | 'scan-keys'
  | 'upgrade'
  | 'replicas'
  | 'users'
  | 'certificates'
  | 'tls-mode'
  | 'backup'
  | 'restore'
  | 'restore-in-place';

/** @public */
export type OperationStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** @public */
export type StepStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped';

