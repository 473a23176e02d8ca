import { InputError } from '@backstage/errors';
import {
  CreateInstanceRequest,
  createInstanceRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { PLAN_MEMORY_MB, Plan } from './plans';

/** The input of dbaas:redis:create, as the scaffolder hands it over. */
export interface CreateRedisInput {
  name: string;
  owner?: string;
  description?: string;
  system?: string;
  engine: string;
  version: string;
  platform: string;
  region: string;
  plan?: Plan;
  memoryMb?: number;
  cpu?: number;
  diskGb?: number;
  persistence?: string;
  maxmemoryPolicy?: string;
  replicas?: number;
  upgradeMode?: 'manual' | 'auto-patch';
  maintenanceWindow?: string;
  securityOnly?: boolean;
  tls?: 'disabled' | 'required';
  /** Networks that may connect, separated by commas or spaces. */
  allowedNetworks?: string;
}

const DEFAULT_CPU = 1;

/** Form fields left empty arrive as empty strings; they mean "not given". */
function given(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

/** The networks a form gave, or undefined for the platform team's default. */
function allowListOf(input: CreateRedisInput) {
  const cidrs = (input.allowedNetworks ?? '').split(/[\s,]+/).filter(Boolean);
  return cidrs.length ? { cidrs } : undefined;
}

function memoryOf(input: CreateRedisInput): number {
  if (input.plan && input.plan !== 'custom') {
    // A form that switched from custom back to a preset may still carry
    // the custom value; the preset is what the user chose last.
    return PLAN_MEMORY_MB[input.plan];
  }
  if (input.memoryMb === undefined) {
    throw new InputError(
      input.plan === 'custom'
        ? 'memoryMb: is required with plan custom'
        : `memoryMb: is required without a plan (${Object.keys(
            PLAN_MEMORY_MB,
          ).join(', ')} or custom)`,
    );
  }
  return input.memoryMb;
}

/** The upgrade policy the form asked for; a window only matters with auto-patch. */
function upgradePolicyOf(input: CreateRedisInput) {
  if (!input.upgradeMode) return undefined;
  const window = given(input.maintenanceWindow);
  return input.upgradeMode === 'auto-patch'
    ? {
        mode: input.upgradeMode,
        securityOnly: input.securityOnly ?? false,
        windows: window ? [window] : [],
      }
    : { mode: input.upgradeMode };
}

/**
 * The body of `POST /instances` for an action input, checked with the same
 * rules the dbaas API applies, so a bad input fails before anything is
 * called, in a dry run too.
 *
 * @param initiator - entity ref of the user running the task, the owner
 *   when the input names none.
 */
export function buildCreateRequest(
  input: CreateRedisInput,
  initiator: string | undefined,
): CreateInstanceRequest {
  const owner = given(input.owner) ?? initiator;
  if (!owner) {
    throw new InputError(
      'owner: is required when the task was not started by a user',
    );
  }
  const memoryMb = memoryOf(input);
  const body = {
    name: input.name,
    owner,
    description: given(input.description),
    system: given(input.system),
    engine: input.engine,
    version: input.version,
    platform: input.platform,
    region: input.region,
    resources: {
      memoryMb,
      cpu: input.cpu ?? DEFAULT_CPU,
      // Room for an RDB snapshot and an AOF rewrite next to each other.
      diskGb: input.diskGb ?? Math.max(1, Math.ceil((memoryMb * 2) / 1024)),
    },
    persistence: given(input.persistence),
    maxmemoryPolicy: given(input.maxmemoryPolicy),
    replicas: input.replicas,
    upgradePolicy: upgradePolicyOf(input),
    tls: given(input.tls),
    allowList: allowListOf(input),
  };
  const result = validate(createInstanceRequestSchema, body);
  if (!result.ok) {
    // The form's field is allowedNetworks; its entries are numbered from 1.
    throw new InputError(
      result.message.replace(/allowList\.cidrs(?:\.(\d+))?/g, (_, index) =>
        index === undefined
          ? 'allowedNetworks'
          : `allowedNetworks (network ${Number(index) + 1})`,
      ),
    );
  }
  return result.value;
}
