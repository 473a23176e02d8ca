import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';

type Obj = Record<string, any>;
const SECRET = KINDS.find(k => k.kind === 'Secret')!;
const CONFIGMAP = KINDS.find(k => k.kind === 'ConfigMap')!;

export class EnvError extends Error {}

/**
 * A container's environment: plain values, the downward API
 * (status.podIP, metadata.name, metadata.namespace) and keys of Secrets
 * and ConfigMaps; `$(VAR)` in a value refers to a variable defined before it.
 */
export function containerEnv(
  store: ObjectStore,
  pod: Obj,
  container: Obj,
  podIP: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of container.env ?? []) {
    if (item.value !== undefined) {
      env[item.name] = expand(item.value, env);
      continue;
    }
    const from = item.valueFrom ?? {};
    if (from.fieldRef) {
      const fields: Record<string, string> = {
        'status.podIP': podIP,
        'metadata.name': pod.metadata.name,
        'metadata.namespace': pod.metadata.namespace,
      };
      env[item.name] = fields[from.fieldRef.fieldPath] ?? '';
    } else if (from.secretKeyRef || from.configMapKeyRef) {
      const ref = from.secretKeyRef ?? from.configMapKeyRef;
      const isSecret = !!from.secretKeyRef;
      const source = store.find(
        isSecret ? SECRET : CONFIGMAP,
        pod.metadata.namespace,
        ref.name,
      ) as Obj | undefined;
      const raw = source?.data?.[ref.key];
      if (raw === undefined) {
        if (ref.optional) continue;
        throw new EnvError(
          source
            ? `couldn't find key ${ref.key} in ${
                isSecret ? 'Secret' : 'ConfigMap'
              } ${pod.metadata.namespace}/${ref.name}`
            : `${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found`,
        );
      }
      env[item.name] = isSecret
        ? Buffer.from(raw, 'base64').toString('utf8')
        : raw;
    }
  }
  return env;
}

/** `$(VAR)` expansion of commands and args; `$$(VAR)` stays literal. */
export function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$?\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name) =>
    all.startsWith('$$') ? all.slice(1) : env[name] ?? all,
  );
}
