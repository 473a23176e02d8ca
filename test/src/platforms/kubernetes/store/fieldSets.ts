/**
 * Field sets of server-side apply, simplified: every leaf of an applied
 * object is a path; lists are atomic (one path for the whole list), where
 * the real server merges lists of containers, ports and volumes by key.
 * The sets are kept in managedFields in the FieldsV1 form (`f:<name>`).
 */
export type FieldPath = string[];

const SKIPPED_TOP = new Set(['apiVersion', 'kind', 'status']);
const SKIPPED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'managedFields',
]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function leafPaths(object: Record<string, unknown>): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (value: unknown, path: FieldPath) => {
    if (isPlainObject(value) && Object.keys(value).length) {
      for (const [key, child] of Object.entries(value)) {
        if (path.length === 0 && SKIPPED_TOP.has(key)) continue;
        if (
          path.length === 1 &&
          path[0] === 'metadata' &&
          SKIPPED_META.has(key)
        )
          continue;
        walk(child, [...path, key]);
      }
    } else if (path.length) {
      out.push(path);
    }
  };
  walk(object, []);
  return out;
}

export const pathKey = (path: FieldPath) => JSON.stringify(path);
export const keyPath = (key: string): FieldPath => JSON.parse(key);

export function getAt(object: unknown, path: FieldPath): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

export function setAt(
  object: Record<string, unknown>,
  path: FieldPath,
  value: unknown,
): void {
  let node = object;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = structuredClone(value);
}

/** Removes a leaf, and the objects it leaves empty. */
export function removeAt(object: Record<string, unknown>, path: FieldPath) {
  const parents: Array<[Record<string, unknown>, string]> = [];
  let node: unknown = object;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node)) return;
    parents.push([node, key]);
    node = node[key];
  }
  if (!isPlainObject(node)) return;
  delete node[path[path.length - 1]];
  for (const [parent, key] of parents.reverse()) {
    const child = parent[key];
    if (isPlainObject(child) && !Object.keys(child).length) delete parent[key];
    else break;
  }
}

/** A field set in the FieldsV1 form managedFields shows. */
export function toFieldsV1(paths: FieldPath[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const k = `f:${key}`;
      node[k] = (node[k] as Record<string, unknown>) ?? {};
      node = node[k] as Record<string, unknown>;
    }
  }
  return root;
}

export function fromFieldsV1(fields: Record<string, unknown>): FieldPath[] {
  const out: FieldPath[] = [];
  const walk = (node: Record<string, unknown>, path: FieldPath) => {
    const keys = Object.keys(node).filter(k => k.startsWith('f:'));
    if (!keys.length && path.length) out.push(path);
    for (const k of keys)
      walk(node[k] as Record<string, unknown>, [...path, k.slice(2)]);
  };
  walk(fields, []);
  return out;
}

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);
