/** One rule of a custom user, as the product understands it. @public */
export type AclRule =
  | { kind: 'keys'; access: 'RW' | 'R' | 'W'; pattern: string; text: string }
  | { kind: 'channels'; pattern: string; text: string }
  | { kind: 'category'; allow: boolean; category: string; text: string }
  | { kind: 'command'; allow: boolean; command: string; text: string }
  | { kind: 'flag'; text: string };

/** @public */
export type ParsedAclRules =
  | { ok: true; rules: AclRule[] }
  | { ok: false; problem: string };

const FLAGS = new Set([
  'allkeys',
  'resetkeys',
  'allchannels',
  'resetchannels',
  'allcommands',
  'nocommands',
]);

const PASSWORD_RULES = /^(>|<|#|!|nopass$|resetpass$)/;

/** Why a rule the product keeps to itself is refused, or undefined. */
function reserved(token: string): string | undefined {
  if (token === 'on' || token === 'off') {
    return 'the product turns users on and off: delete the user to revoke it';
  }
  if (PASSWORD_RULES.test(token)) {
    return 'passwords are the product’s: it generates and rotates them';
  }
  if (token === 'reset') {
    return 'it would remove the user’s passwords; use resetkeys, resetchannels or nocommands';
  }
  if (token.startsWith('(') || token.endsWith(')')) {
    return 'selectors are not supported; give one set of rules';
  }
  if (token === '+@admin') {
    return 'administrative commands belong to the control plane';
  }
  return undefined;
}

function parseOne(token: string): AclRule | string {
  const why = reserved(token);
  if (why) return `'${token}' is not allowed: ${why}`;
  if (FLAGS.has(token)) return { kind: 'flag', text: token };
  const keys = /^(%(RW|R|W))?~(.+)$/.exec(token);
  if (keys) {
    return {
      kind: 'keys',
      access: (keys[2] as 'RW' | 'R' | 'W' | undefined) ?? 'RW',
      pattern: keys[3],
      text: token,
    };
  }
  if (/^%/.test(token)) {
    return `'${token}' is not a key rule: write ~pattern, %R~pattern (read), %W~pattern (write) or %RW~pattern`;
  }
  if (/^~$/.test(token) || /^&$/.test(token)) {
    return `'${token}' needs a pattern after it, e.g. ${token}app:*`;
  }
  const channels = /^&(.+)$/.exec(token);
  if (channels) return { kind: 'channels', pattern: channels[1], text: token };
  const category = /^([+-])@([a-z]+)$/.exec(token);
  if (category) {
    return {
      kind: 'category',
      allow: category[1] === '+',
      category: category[2],
      text: token,
    };
  }
  const command = /^([+-])([a-z][a-z0-9_-]*(\|[a-z0-9_-]+)?)$/i.exec(token);
  if (command) {
    return {
      kind: 'command',
      allow: command[1] === '+',
      command: command[2].toLowerCase(),
      text: token,
    };
  }
  return `'${token}' is not a rule: use ~pattern or %R~pattern for keys, &pattern for channels, +@category or -@category, +command or -command`;
}

/**
 * Checks the rules of a custom user before they reach Redis: the form of
 * each rule, and none that only the product may give (passwords, on/off,
 * administration). Whether a category or command exists is the engine's
 * to say (see the backend's engine check).
 * @public
 */
export function parseAclRules(text: string): ParsedAclRules {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) {
    return {
      ok: false,
      problem: 'give at least one rule, e.g. ~app:* +@read',
    };
  }
  const rules: AclRule[] = [];
  for (const token of tokens) {
    const rule = parseOne(token);
    if (typeof rule === 'string') return { ok: false, problem: rule };
    rules.push(rule);
  }
  if (!rules.some(r => r.kind === 'keys' || r.text === 'allkeys')) {
    return {
      ok: false,
      problem: 'give the keys the user may use, e.g. ~app:* or allkeys',
    };
  }
  if (
    !rules.some(
      r => (r.kind === 'category' || r.kind === 'command') && r.allow,
    ) &&
    !rules.some(r => r.text === 'allcommands')
  ) {
    return {
      ok: false,
      problem: 'give the commands the user may run, e.g. +@read or +get',
    };
  }
  return { ok: true, rules };
}
