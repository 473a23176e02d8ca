import {
  RESOURCE_UNITS,
  resourceLimitProblem,
  type Platform,
} from '@justmanage/plugin-dbaas-common';

/** The three resources, as the form labels them. */
export const RESOURCE_FIELDS = [
  { key: 'memoryMb', label: 'Memory (MiB)', name: 'Memory' },
  { key: 'cpu', label: 'CPU (cores)', name: 'CPU' },
  { key: 'diskGb', label: 'Disk (GiB)', name: 'Disk' },
] as const;

export type ResourceKey = (typeof RESOURCE_FIELDS)[number]['key'];

/** "16 to 1024 MiB": a platform's limit of one resource. */
export function limitRange(key: ResourceKey, platform: Platform): string {
  const { min, max } = platform.limits[key];
  return `${min} to ${max} ${RESOURCE_UNITS[key]}`;
}

/**
 * What the platform would refuse, per field, in the API's words with the
 * platform named; a missing or non-numeric value is refused too.
 */
export function resourceProblems(
  resources: Partial<Record<ResourceKey, number>> | undefined,
  platform: Platform,
): Partial<Record<ResourceKey, string>> {
  const problems: Partial<Record<ResourceKey, string>> = {};
  for (const { key } of RESOURCE_FIELDS) {
    const value = resources?.[key];
    if (value === undefined || !Number.isFinite(value)) {
      problems[key] = `is required: ${limitRange(key, platform)} on ${
        platform.title
      }`;
      continue;
    }
    const problem = resourceLimitProblem(key, value, platform.limits[key]);
    if (problem) {
      problems[key] = `${problem} on ${platform.title}`;
    }
  }
  return problems;
}
