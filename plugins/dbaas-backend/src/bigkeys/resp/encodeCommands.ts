/**
 * A command as its arguments, each in latin1: one character per byte, so
 * key names of any bytes pass through unchanged (see {@link latin1}).
 */
export type RespCommand = string[];

/** A text argument's UTF-8 bytes as latin1, the form commands are sent in. */
export function latin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/**
 * Writes many commands as one latin1 string, which the socket turns into
 * bytes in one copy: thousands of small buffer writes per batch cost more
 * than the scan's whole parsing.
 */
export function encodeCommands(commands: RespCommand[]): string {
  let out = '';
  for (const command of commands) out += encodeCommand(command);
  return out;
}

export function encodeCommand(command: RespCommand): string {
  let out = `*${command.length}\r\n`;
  for (const arg of command) out += `$${arg.length}\r\n${arg}\r\n`;
  return out;
}

/** A command of fixed words and one key last, encoded up to the key. */
export function commandHead(...words: string[]): string {
  let out = `*${words.length + 1}\r\n`;
  for (const word of words) out += `$${word.length}\r\n${word}\r\n`;
  return out;
}

/** The key, as the last argument after {@link commandHead}. */
export function keyArgument(key: string): string {
  return `$${key.length}\r\n${key}\r\n`;
}
