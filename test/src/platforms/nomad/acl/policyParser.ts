/**
 * Reads ACL policy rules: the HCL blocks and attributes Nomad policies are
 * written in (`namespace "x" { policy = "read" capabilities = [...]
 * variables { path "p/*" { capabilities = [...] } } }`, `node { ... }`),
 * or the same as JSON. Enough HCL for policies; not a general parser.
 */
export interface ParsedBlock {
  attributes: Record<string, string | string[]>;
  blocks: Array<{ type: string; label?: string; body: ParsedBlock }>;
}

type Token = { kind: 'word' | 'string' | 'punct'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_-]*)|([{}[\]=,])/gy;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    last = pattern.lastIndex;
    if (m[1] !== undefined)
      tokens.push({ kind: 'string', value: JSON.parse(`"${m[1]}"`) });
    else if (m[2] !== undefined) tokens.push({ kind: 'word', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'punct', value: m[3] });
  }
  if (last !== text.length)
    throw new Error(`Failed to parse ACL policy: unexpected input at ${last}`);
  return tokens;
}

export function parsePolicyRules(rules: string): ParsedBlock {
  const trimmed = rules.trim();
  if (trimmed.startsWith('{')) return fromJson(JSON.parse(trimmed));
  const tokens = tokenize(rules);
  let i = 0;
  const expect = (value: string) => {
    if (tokens[i]?.value !== value)
      throw new Error(`Failed to parse ACL policy: expected "${value}"`);
    i += 1;
  };
  const body = (closing?: string): ParsedBlock => {
    const out: ParsedBlock = { attributes: {}, blocks: [] };
    while (i < tokens.length && tokens[i].value !== closing) {
      const name = tokens[i++];
      if (tokens[i]?.value === '=') {
        i += 1;
        if (tokens[i]?.value === '[') {
          i += 1;
          const list: string[] = [];
          while (tokens[i]?.value !== ']') {
            if (tokens[i].kind === 'string') list.push(tokens[i].value);
            i += 1;
          }
          i += 1;
          out.attributes[name.value] = list;
        } else {
          out.attributes[name.value] = tokens[i++].value;
        }
        continue;
      }
      const label =
        tokens[i]?.kind === 'string' ? tokens[i++].value : undefined;
      expect('{');
      out.blocks.push({ type: name.value, label, body: body('}') });
      expect('}');
    }
    return out;
  };
  return body();
}

/** The JSON form: `{"namespace": {"x": {"policy": "read"}}}`. */
function fromJson(value: any): ParsedBlock {
  const out: ParsedBlock = { attributes: {}, blocks: [] };
  for (const [key, v] of Object.entries<any>(value)) {
    if (typeof v === 'string' || Array.isArray(v)) out.attributes[key] = v;
    else if (['namespace', 'path', 'host_volume'].includes(key)) {
      for (const [label, inner] of Object.entries<any>(v))
        out.blocks.push({ type: key, label, body: fromJson(inner) });
    } else out.blocks.push({ type: key, body: fromJson(v) });
  }
  return out;
}
