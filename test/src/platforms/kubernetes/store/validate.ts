import { StatusCause } from '../api/status';
import { KubeObject } from './objects';

/**
 * The checks of the real API server that a manifest writer trips over
 * most, with its wording: names, labels, data keys, and the shape of the
 * kinds the driver writes (a StatefulSet's selector must match its
 * template; only some of its spec may change). A 422 lists every cause.
 */
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DATA_KEY = /^[-._a-zA-Z0-9]+$/;

type Obj = Record<string, any>;

const required = (field: string): StatusCause => ({
  reason: 'FieldValueRequired',
  message: 'Required value',
  field,
});
const invalidValue = (
  field: string,
  value: unknown,
  why: string,
): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: ${why}`,
  field,
});

function checkName(kind: string, name: string, causes: StatusCause[]) {
  const label = ['Service', 'StatefulSet', 'Namespace'].includes(kind);
  const dns1035 = kind === 'Service';
  let rule = DNS1123_SUBDOMAIN;
  if (label) rule = dns1035 ? DNS1035_LABEL : DNS1123_LABEL;
  const max = label ? 63 : 253;
  if (!name) causes.push(required('metadata.name'));
  else if (!rule.test(name) || name.length > max) {
    causes.push(
      invalidValue(
        'metadata.name',
        name,
        dns1035
          ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
          : `a lowercase RFC 1123 ${
              label ? 'label' : 'subdomain'
            } must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (at most ${max} characters)`,
      ),
    );
  }
}

function checkLabels(
  labels: Obj | undefined,
  field: string,
  causes: StatusCause[],
) {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      !LABEL_VALUE.test(value)
    ) {
      causes.push(
        invalidValue(
          `${field}[${key}]`,
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63 characters)",
        ),
      );
    }
  }
}

function checkPodTemplate(
  template: Obj | undefined,
  field: string,
  causes: StatusCause[],
) {
  const containers: Obj[] = template?.spec?.containers ?? [];
  if (!containers.length) causes.push(required(`${field}.spec.containers`));
  containers.forEach((c, i) => {
    const at = `${field}.spec.containers[${i}]`;
    if (!c.name) causes.push(required(`${at}.name`));
    else if (!DNS1123_LABEL.test(c.name))
      causes.push(
        invalidValue(`${at}.name`, c.name, 'must be a DNS-1123 label'),
      );
    if (!c.image) causes.push(required(`${at}.image`));
    const { requests = {}, limits = {} } = c.resources ?? {};
    for (const r of Object.keys(requests)) {
      if (
        limits[r] !== undefined &&
        quantity(requests[r]) > quantity(limits[r])
      ) {
        causes.push(
          invalidValue(
            `${at}.resources.requests`,
            requests[r],
            `must be less than or equal to ${r} limit of ${limits[r]}`,
          ),
        );
      }
    }
  });
}

/** A resource quantity in base units (`256Mi`, `500m`, `1`). */
export function quantity(value: string | number): number {
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(value));
  if (!m) return NaN;
  const unit: Record<string, number> = {
    m: 1e-3,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  return Number(m[1]) * (m[2] ? unit[m[2]] : 1);
}

const MUTABLE_STS_SPEC = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

export function validate(object: KubeObject, live?: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const o = object as Obj;
  checkName(object.kind, object.metadata.name, causes);
  checkLabels(object.metadata.labels, 'metadata.labels', causes);
  switch (object.kind) {
    case 'ConfigMap':
    case 'Secret':
      for (const key of Object.keys({ ...o.data, ...o.stringData })) {
        if (!DATA_KEY.test(key))
          causes.push(
            invalidValue(
              `data[${key}]`,
              key,
              "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
            ),
          );
      }
      if (object.kind === 'Secret') {
        for (const [key, value] of Object.entries(o.data ?? {})) {
          if (
            typeof value !== 'string' ||
            !/^[A-Za-z0-9+/]*={0,2}$/.test(value)
          )
            causes.push(
              invalidValue(`data[${key}]`, '<value>', 'illegal base64 data'),
            );
        }
      }
      break;
    case 'Service': {
      const ports: Obj[] = o.spec?.ports ?? [];
      if (!ports.length) causes.push(required('spec.ports'));
      ports.forEach((p, i) => {
        if (!(p.port >= 1 && p.port <= 65535))
          causes.push(
            invalidValue(
              `spec.ports[${i}].port`,
              p.port,
              'must be between 1 and 65535, inclusive',
            ),
          );
      });
      break;
    }
    case 'StatefulSet': {
      const spec = o.spec ?? {};
      if (!spec.selector) causes.push(required('spec.selector'));
      const labels = spec.template?.metadata?.labels ?? {};
      const wanted = spec.selector?.matchLabels ?? {};
      if (
        spec.selector &&
        Object.entries(wanted).some(([k, v]) => labels[k] !== v)
      ) {
        causes.push(
          invalidValue(
            'spec.template.metadata.labels',
            labels,
            '`selector` does not match template `labels`',
          ),
        );
      }
      if (!(spec.replicas === undefined || spec.replicas >= 0))
        causes.push(
          invalidValue(
            'spec.replicas',
            spec.replicas,
            'must be greater than or equal to 0',
          ),
        );
      const strategy = spec.updateStrategy?.type;
      if (strategy && !['RollingUpdate', 'OnDelete'].includes(strategy))
        causes.push({
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: "${strategy}": supported values: "OnDelete", "RollingUpdate"`,
          field: 'spec.updateStrategy.type',
        });
      checkPodTemplate(spec.template, 'spec.template', causes);
      if (live) {
        const changed = Object.keys({ ...spec, ...(live as Obj).spec }).filter(
          k =>
            !MUTABLE_STS_SPEC.includes(k) &&
            JSON.stringify(spec[k]) !== JSON.stringify((live as Obj).spec?.[k]),
        );
        if (changed.length)
          causes.push({
            reason: 'FieldValueForbidden',
            message:
              "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            field: 'spec',
          });
      }
      break;
    }
    case 'PodDisruptionBudget': {
      const spec = o.spec ?? {};
      if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
        causes.push({
          reason: 'FieldValueInvalid',
          message: 'minAvailable and maxUnavailable cannot be both set',
          field: 'spec',
        });
      break;
    }
    case 'NetworkPolicy':
      if (!o.spec?.podSelector) causes.push(required('spec.podSelector'));
      break;
    default:
  }
  return causes;
}
