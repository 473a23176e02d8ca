import { Json } from '../model';

/** Resolves `${node.datacenter}`, `${attr.x}`, `${meta.x}` and the like against a node. */
function resolve(target: string | undefined, node: Json): string | undefined {
  if (!target) return undefined;
  const m = /^\$\{(.+)\}$/.exec(target);
  if (!m) return target;
  const path = m[1];
  switch (path) {
    case 'node.datacenter':
      return node.Datacenter;
    case 'node.unique.name':
      return node.Name;
    case 'node.unique.id':
      return node.ID;
    case 'node.class':
      return node.NodeClass;
    case 'node.pool':
      return node.NodePool;
    default:
      if (path.startsWith('attr.')) return node.Attributes?.[path.slice(5)];
      if (path.startsWith('meta.')) return node.Meta?.[path.slice(5)];
      return undefined;
  }
}

/** The key Nomad counts a filtered node under in ConstraintFiltered. */
export function constraintKey(c: Json): string {
  return `${c.LTarget ?? ''} ${c.Operand} ${c.RTarget ?? ''}`.trim();
}

/**
 * Whether a node satisfies a constraint. `distinct_hosts` is checked by
 * the scheduler, which knows the other placements.
 */
export function satisfies(c: Json, node: Json): boolean {
  const left = resolve(c.LTarget, node);
  const right = c.RTarget;
  switch (c.Operand) {
    case '=':
    case '==':
    case 'is':
      return left !== undefined && left === right;
    case '!=':
    case 'not':
      return left !== right;
    case 'regexp':
      return left !== undefined && new RegExp(right).test(left);
    case 'set_contains':
      return (
        left !== undefined &&
        String(right)
          .split(',')
          .every(v =>
            left
              .split(',')
              .map(s => s.trim())
              .includes(v.trim()),
          )
      );
    case 'is_set':
      return left !== undefined;
    case 'is_not_set':
      return left === undefined;
    case 'distinct_hosts':
      return true;
    default:
      return false;
  }
}

/** Datacenters in a job may be globs (`*`, `dc-*`). */
export function inDatacenters(node: Json, datacenters: string[]): boolean {
  return datacenters.some(dc =>
    new RegExp(
      `^${dc
        .split('*')
        .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(node.Datacenter),
  );
}
