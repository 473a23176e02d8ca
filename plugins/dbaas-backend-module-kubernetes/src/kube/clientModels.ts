import { KubernetesObject } from '@kubernetes/client-node';

type Obj = Record<string, any>;

/**
 * client-node serialises a body through its model classes, which name a
 * NetworkPolicy rule's `from` as `_from` (a reserved word in its
 * generator) and drop a plain `from` without a word. Manifests stay in
 * the API's JSON; this renames on the way to the client and back.
 */
function renameRuleSources(object: Obj, from: string, to: string): Obj {
  if (object.kind !== 'NetworkPolicy' || !Array.isArray(object.spec?.ingress))
    return object;
  const copy = structuredClone(object);
  copy.spec.ingress = copy.spec.ingress.map((rule: Obj) => {
    if (!(from in rule)) return rule;
    const { [from]: sources, ...rest } = rule;
    return { ...rest, [to]: sources };
  });
  return copy;
}

export const toClientModel = <T extends KubernetesObject>(manifest: T): T =>
  renameRuleSources(manifest as Obj, 'from', '_from') as T;

/** A model instance from the client as the API's plain JSON (dates as strings). */
export function fromClientModel(object: unknown): Obj {
  const json = JSON.parse(JSON.stringify(object));
  return renameRuleSources(json, '_from', 'from');
}
