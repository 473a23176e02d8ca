/**
 * Renders the subset of consul-template that job templates use with
 * Nomad Variables: text, `{{ env "NAME" }}`, `{{ with nomadVar "path" }}`
 * ... `{{ end }}` with `{{ .key }}` and `{{ index . "key" }}` inside, and
 * `{{-`/`-}}` trimming. A variable that does not exist blocks the
 * template, as it does in Nomad: the task waits with a "Missing:" event.
 */

export interface TemplateContext {
  env: Record<string, string>;
  variable(path: string): Record<string, string> | undefined;
}

export type RenderResult = { text: string } | { missing: string[] };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'with'; expr: string; body: Node[] };

function tokenize(source: string): Array<{ text?: string; action?: string }> {
  const tokens: Array<{ text?: string; action?: string }> = [];
  const pattern = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;
  let last = 0;
  let trimNext = false;
  for (const m of source.matchAll(pattern)) {
    let text = source.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1] === '-') text = text.replace(/\s+$/, '');
    if (text) tokens.push({ text });
    if (!m[2].startsWith('/*')) tokens.push({ action: m[2] });
    trimNext = m[3] === '-';
    last = m.index! + m[0].length;
  }
  let rest = source.slice(last);
  if (trimNext) rest = rest.replace(/^\s+/, '');
  if (rest) tokens.push({ text: rest });
  return tokens;
}

function parse(tokens: Array<{ text?: string; action?: string }>): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.text !== undefined) {
      top.push({ kind: 'text', text: token.text });
    } else if (token.action!.startsWith('with ')) {
      const node: Node = {
        kind: 'with',
        expr: token.action!.slice(5).trim(),
        body: [],
      };
      top.push(node);
      stack.push(node.body);
    } else if (token.action === 'end') {
      if (stack.length === 1) throw new Error('template: unexpected {{end}}');
      stack.pop();
    } else {
      top.push({ kind: 'action', expr: token.action! });
    }
  }
  if (stack.length !== 1)
    throw new Error('template: unexpected EOF, missing {{end}}');
  return root;
}

const quoted = /^"((?:[^"\\]|\\.)*)"$/;

function evaluate(
  expr: string,
  dot: unknown,
  ctx: TemplateContext,
  missing: string[],
): unknown {
  const words = expr.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const arg = (w: string) => JSON.parse(quoted.test(w) ? w : `"${w}"`);
  if (words[0] === 'env') return ctx.env[arg(words[1])] ?? '';
  if (words[0] === 'nomadVar') {
    const path = arg(words[1]);
    const items = ctx.variable(path);
    if (!items) missing.push(path);
    return items;
  }
  if (words[0] === 'index') {
    return (dot as Record<string, string> | undefined)?.[arg(words[2])] ?? '';
  }
  if (words[0]?.startsWith('.')) {
    const field = words[0].slice(1);
    if (!field) return dot;
    return (dot as Record<string, string> | undefined)?.[field] ?? '';
  }
  throw new Error(`template: function "${words[0]}" not defined`);
}

function render(
  nodes: Node[],
  dot: unknown,
  ctx: TemplateContext,
  missing: string[],
): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'action')
      out += String(evaluate(node.expr, dot, ctx, missing) ?? '');
    else {
      const value = evaluate(node.expr, dot, ctx, missing);
      if (value) out += render(node.body, value, ctx, missing);
    }
  }
  return out;
}

export function renderTemplate(
  source: string,
  ctx: TemplateContext,
): RenderResult {
  const missing: string[] = [];
  const text = render(parse(tokenize(source)), undefined, ctx, missing);
  return missing.length ? { missing } : { text };
}
