import { InputError } from '@backstage/errors';
import { DriverCapabilities } from '@justmanage/plugin-dbaas-node';
import { allowListProblems } from '../allowList/checkAllowList';
import {
  AllowList,
  InstanceResources,
  offersEngineVersion,
  resourceLimitProblem,
} from '@justmanage/plugin-dbaas-common';

/** The parts of a request a platform may not be able to run. */
export interface PlatformRequest {
  platform: string;
  region?: string;
  engine?: string;
  version?: string;
  resources?: Partial<InstanceResources>;
  replicas?: number;
  tls?: 'disabled' | 'required';
  allowList?: AllowList;
}

/** Rejects, before anything is written, what the chosen platform cannot run. */
export function checkAgainstPlatform(
  request: PlatformRequest,
  caps: DriverCapabilities,
): void {
  const problems: string[] = [];
  if (request.region !== undefined && !caps.regions.includes(request.region)) {
    problems.push(
      `region: '${request.region}' is not a region of platform ${
        request.platform
      }; available: ${caps.regions.join(', ')}`,
    );
  }
  if (request.engine !== undefined) {
    const engine = caps.engines.find(e => e.engine === request.engine);
    if (!engine) {
      problems.push(
        `engine: platform ${request.platform} cannot run ${
          request.engine
        }; available: ${caps.engines.map(e => e.engine).join(', ') || 'none'}`,
      );
    } else if (
      request.version !== undefined &&
      !offersEngineVersion(engine.versions, request.version)
    ) {
      problems.push(
        `version: platform ${request.platform} cannot run ${request.engine} ${
          request.version
        }; available: ${engine.versions.join(', ')}`,
      );
    }
  }
  for (const key of ['memoryMb', 'cpu', 'diskGb'] as const) {
    const value = request.resources?.[key];
    const problem =
      value === undefined
        ? undefined
        : resourceLimitProblem(key, value, caps.limits[key]);
    if (problem) {
      problems.push(
        `resources.${key}: ${problem} on platform ${request.platform}`,
      );
    }
  }
  if (request.replicas && request.replicas > caps.ha.maxReplicas) {
    problems.push(
      caps.ha.replicas
        ? `replicas: must be at most ${caps.ha.maxReplicas} on platform ${request.platform}`
        : `replicas: platform ${request.platform} runs standalone instances only; use 0`,
    );
  }
  if (request.tls === 'required' && !caps.tls) {
    problems.push(
      `tls: platform ${request.platform} does not serve TLS; use 'disabled'`,
    );
  } else if (
    request.tls === 'required' &&
    request.replicas &&
    !caps.tls?.replicated
  ) {
    problems.push(
      `tls: platform ${request.platform} serves TLS on standalone instances only so far; use replicas 0`,
    );
  }
  if (request.allowList) {
    problems.push(
      ...allowListProblems(request.allowList, request.platform, caps.allowList),
    );
  }
  if (problems.length) {
    throw new InputError(problems.join('; '));
  }
}
