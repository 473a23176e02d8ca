import {
  RESOURCE_UNITS,
  resourceLimitProblem,
  type InstanceResources,
  type Platform,
} from '@justmanage/plugin-dbaas-common';

/** The form's fields, as typed. */
export type ResizeDraft = Record<keyof InstanceResources, string>;

export const RESOURCE_FIELDS: Array<{
  key: keyof InstanceResources;
  label: string;
  whole: boolean;
}> = [
  { key: 'memoryMb', label: 'Memory (MiB)', whole: true },
  { key: 'cpu', label: 'CPU (cores)', whole: false },
  { key: 'diskGb', label: 'Disk (GiB)', whole: true },
];

/** "16 to 1024 MiB on Local processes": the platform's limit of a field. */
export function limitText(
  field: (typeof RESOURCE_FIELDS)[number],
  platform?: Platform,
): string | undefined {
  const limit = platform?.limits[field.key];
  return limit
    ? `${limit.min} to ${limit.max} ${RESOURCE_UNITS[field.key]} on ${
        platform!.title
      }`
    : undefined;
}

/**
 * What is wrong with each field, in the words the API would use (the
 * limit rule is the API's own, resourceLimitProblem), so that nothing the
 * platform refuses is sent.
 */
export function resizeProblems(
  draft: ResizeDraft,
  platform?: Platform,
): Partial<ResizeDraft> {
  const problems: Partial<ResizeDraft> = {};
  for (const field of RESOURCE_FIELDS) {
    const text = draft[field.key].trim();
    const value = Number(text);
    const unit = RESOURCE_UNITS[field.key];
    const limit = platform?.limits[field.key];
    const beyond = limit && resourceLimitProblem(field.key, value, limit);
    if (text === '' || !Number.isFinite(value)) {
      problems[field.key] = 'must be a number';
    } else if (field.whole && !Number.isInteger(value)) {
      problems[field.key] = `must be a whole number of ${unit}`;
    } else if (value <= 0) {
      problems[field.key] = 'must be more than 0';
    } else if (beyond) {
      problems[field.key] = `${beyond} on ${platform!.title}`;
    }
  }
  return problems;
}

/** The fields that differ from what the instance has, as numbers. */
export function changedResources(
  draft: ResizeDraft,
  current: InstanceResources,
): Partial<InstanceResources> {
  const changed: Partial<InstanceResources> = {};
  for (const { key } of RESOURCE_FIELDS) {
    const value = Number(draft[key]);
    if (value !== current[key]) changed[key] = value;
  }
  return changed;
}

export function draftOf(resources: InstanceResources): ResizeDraft {
  return {
    memoryMb: String(resources.memoryMb),
    cpu: String(resources.cpu),
    diskGb: String(resources.diskGb),
  };
}
