/** Longest username the product creates; Redis itself has no limit. @public */
export const ACL_USERNAME_MAX_LENGTH = 32;

/** The rule for usernames, in words, as the API and the Users card say it. @public */
export const ACL_USERNAME_RULE = `1 to ${ACL_USERNAME_MAX_LENGTH} characters: lower-case letters, digits, hyphens and underscores, starting with a letter`;

/**
 * Names a user cannot take: Redis' own `default` user, which the product
 * disables, the instance's default application user, and the control
 * plane's `jm-` users.
 * @public
 */
export function isReservedUsername(value: string): boolean {
  return value === 'default' || value === 'app' || value.startsWith('jm-');
}

/**
 * What is wrong with a proposed username, in words, or undefined when it
 * follows {@link ACL_USERNAME_RULE} and is not reserved.
 * @public
 */
export function aclUsernameProblem(value: string): string | undefined {
  if (
    !/^[a-z][a-z0-9_-]*$/.test(value) ||
    value.length > ACL_USERNAME_MAX_LENGTH
  ) {
    return `must be ${ACL_USERNAME_RULE}`;
  }
  if (isReservedUsername(value)) {
    return `'${value}' is reserved (default, app and names starting with jm- belong to Redis and the product)`;
  }
  return undefined;
}
