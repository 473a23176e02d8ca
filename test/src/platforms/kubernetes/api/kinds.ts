/**
 * The resources the test API server serves, as the discovery documents
 * (`/api/v1`, `/apis/<group>/<version>`) describe them: client-node's
 * KubernetesObjectApi reads these to turn a kind into a URL.
 */
export interface KindInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  verbs: string[];
}

const RW = ['create', 'delete', 'get', 'list', 'patch', 'update'];

export const KINDS: KindInfo[] = [
  {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    namespaced: true,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    verbs: RW,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    verbs: ['get', 'list'],
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    namespaced: true,
    verbs: RW,
  },
  {
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    namespaced: true,
    verbs: RW,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    namespaced: true,
    verbs: RW,
  },
];

export const apiVersionOf = (k: KindInfo) =>
  k.group ? `${k.group}/${k.version}` : k.version;

export function kindByPlural(
  group: string,
  version: string,
  plural: string,
): KindInfo | undefined {
  return KINDS.find(
    k => k.group === group && k.version === version && k.plural === plural,
  );
}

export function kindOf(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS.find(k => apiVersionOf(k) === apiVersion && k.kind === kind);
}

/** `GET /api/v1` or `/apis/<group>/<version>`: an APIResourceList. */
export function resourceList(group: string, version: string) {
  const kinds = KINDS.filter(k => k.group === group && k.version === version);
  if (!kinds.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: kinds.map(k => ({
      name: k.plural,
      singularName: k.kind.toLowerCase(),
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: k.verbs,
    })),
  };
}

/** `GET /apis`: an APIGroupList. */
export function groupList() {
  const groups = [...new Set(KINDS.map(k => k.group).filter(Boolean))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(name => {
      const version = KINDS.find(k => k.group === name)!.version;
      const gv = { groupVersion: `${name}/${version}`, version };
      return { name, versions: [gv], preferredVersion: gv };
    }),
  };
}
