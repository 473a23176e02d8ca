import type { Platform } from '@justmanage/plugin-dbaas-common';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A platform id, or the `{ platform, region }` of DbaasPlatformRegionPicker. */
function platformIn(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value || undefined;
  }
  if (isRecord(value) && typeof value.platform === 'string') {
    return value.platform || undefined;
  }
  return undefined;
}

/**
 * The platform id a template's form has chosen so far. With `platformField`
 * that form field is read; without it, the first field whose value is a
 * `{ platform, region }` object, so that a template with one
 * DbaasPlatformRegionPicker needs no option, and then a field named
 * `platform`.
 */
export function platformOfForm(
  formData: unknown,
  platformField?: string,
): string | undefined {
  if (!isRecord(formData)) {
    return undefined;
  }
  if (platformField) {
    return platformIn(formData[platformField]);
  }
  for (const value of Object.values(formData)) {
    if (isRecord(value) && typeof value.platform === 'string') {
      return platformIn(value);
    }
  }
  return platformIn(formData.platform);
}

/**
 * The platform whose engines a form offers: the chosen one, or the first
 * when none is chosen yet. Undefined when the chosen one is not offered.
 */
export function chosenPlatform(
  platforms: Platform[],
  formData: unknown,
  platformField?: string,
): Platform | undefined {
  const id = platformOfForm(formData, platformField);
  if (!id) {
    return platforms[0];
  }
  return platforms.find(platform => platform.id === id);
}
