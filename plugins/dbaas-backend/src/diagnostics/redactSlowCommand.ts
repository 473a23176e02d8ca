/**
 * Commands whose first argument names what they do rather than data:
 * CONFIG SET, CLIENT KILL, OBJECT ENCODING. Showing that word tells
 * which command was slow without showing anything stored.
 */
const CONTAINER_COMMANDS = new Set([
  'ACL',
  'CLIENT',
  'CLUSTER',
  'COMMAND',
  'CONFIG',
  'DEBUG',
  'FUNCTION',
  'LATENCY',
  'MEMORY',
  'MODULE',
  'OBJECT',
  'PUBSUB',
  'SCRIPT',
  'SLOWLOG',
  'XGROUP',
  'XINFO',
]);

/** What of a slow command may be shown. */
export interface RedactedCommand {
  command: string;
  key?: string;
  redactedArguments: number;
}

/**
 * Keeps the command (and subcommand) and the first key, and only counts
 * the rest. `key` is the first key as the server itself found it in the
 * arguments (COMMAND GETKEYS), never a guess by position, so a password or
 * a value cannot be shown as if it were a key.
 */
export function redactSlowCommand(
  argv: string[],
  key: string | undefined,
): RedactedCommand {
  const name = (argv[0] ?? '').toUpperCase();
  const subcommand =
    CONTAINER_COMMANDS.has(name) && /^[a-z-]+$/i.test(argv[1] ?? '')
      ? argv[1].toUpperCase()
      : undefined;
  const shown = 1 + (subcommand ? 1 : 0) + (key !== undefined ? 1 : 0);
  return {
    command: subcommand ? `${name} ${subcommand}` : name,
    ...(key !== undefined ? { key } : {}),
    redactedArguments: Math.max(0, argv.length - shown),
  };
}
