import { badRequest } from '../api/status';

type Requirement = (labels: Record<string, string>) => boolean;

/**
 * `?labelSelector=` as the API server reads it: `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k` and `!k`, joined by commas.
 */
export function parseLabelSelector(text: string | null): Requirement {
  if (!text) return () => true;
  const parts = text.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  const requirements: Requirement[] = parts.map(raw => {
    const part = raw.trim();
    let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part);
    if (m) {
      const [, key, op, value] = m;
      return op === '!=' ? l => l[key] !== value : l => l[key] === value;
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      const [, key, op, list] = m;
      const values = list.split(',').map(v => v.trim());
      return op === 'in'
        ? l => values.includes(l[key])
        : l => !values.includes(l[key]);
    }
    m = /^(!?)([\w./-]+)$/.exec(part);
    if (m) {
      const [, not, key] = m;
      return not ? l => !(key in l) : l => key in l;
    }
    throw badRequest(`unable to parse requirement: ${part}`);
  });
  return labels => requirements.every(r => r(labels));
}

/** A LabelSelector object (matchLabels only) as a test. */
export function matchesSelector(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector?.matchLabels ?? {}).every(
    ([k, v]) => labels?.[k] === v,
  );
}
