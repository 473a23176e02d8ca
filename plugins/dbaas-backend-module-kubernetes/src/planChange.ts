import { KubeObject } from './kube/KubeApi';

/** What the API server keeps for itself: left out when comparing. */
const SERVER_OWNED = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
];

function comparable(object: KubeObject | undefined): Record<string, unknown> {
  if (!object) return {};
  const { status: _status, metadata = {}, ...rest } = object;
  const meta = Object.fromEntries(
    Object.entries(metadata).filter(([k]) => !SERVER_OWNED.includes(k)),
  );
  return { ...rest, metadata: meta };
}

function flatten(value: unknown, path: string, out: Map<string, string>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
}

/**
 * The fields a dry run says an apply would change, as `path` lines for
 * the operation's log. Secret values are never shown, only their keys.
 */
export function describeChange(
  live: KubeObject | undefined,
  dryRun: KubeObject,
): string[] {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  flatten(comparable(live), '', before);
  flatten(comparable(dryRun), '', after);
  const secret = dryRun.kind === 'Secret';
  const shown = (path: string, v: string | undefined) =>
    secret && /^(data|stringData)\./.test(path) ? '(hidden)' : v;
  const lines: string[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    if (a === undefined) lines.push(`+ ${path}: ${shown(path, b)}`);
    else if (b === undefined) lines.push(`- ${path}`);
    else lines.push(`~ ${path}: ${shown(path, a)} -> ${shown(path, b)}`);
  }
  return lines;
}
