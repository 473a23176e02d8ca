/** The shortest rotation period the backend takes: Vault rotates no more often. */
export const MIN_ROTATION_SECONDS = 5;

/**
 * The period typed in minutes, in seconds, or the rule it breaks, in the
 * words the backend's 400 would use.
 */
export function rotationSecondsOf(
  minutes: string,
): { seconds: number } | { problem: string } {
  const value = Number(minutes.trim());
  if (!minutes.trim() || !Number.isFinite(value)) {
    return { problem: 'Rotation period: a number of minutes' };
  }
  const seconds = Math.round(value * 60);
  if (seconds < MIN_ROTATION_SECONDS) {
    return {
      problem: `Rotation period: at least ${MIN_ROTATION_SECONDS} seconds`,
    };
  }
  return { seconds };
}
