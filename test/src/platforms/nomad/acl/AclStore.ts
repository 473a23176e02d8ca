import { HttpError, permissionDenied } from '../http/HttpError';
import { Json, newId } from '../model';
import { parsePolicyRules } from './policyParser';

/** What `policy = "..."` on a namespace grants (ACL policy docs). */
const NAMESPACE_POLICIES: Record<string, string[]> = {
  deny: [],
  read: [
    'list-jobs',
    'parse-job',
    'read-job',
    'csi-list-volume',
    'csi-read-volume',
    'read-job-scaling',
    'list-scaling-policies',
    'read-scaling-policy',
  ],
  write: [
    'list-jobs',
    'parse-job',
    'read-job',
    'submit-job',
    'dispatch-job',
    'read-logs',
    'read-fs',
    'alloc-exec',
    'alloc-lifecycle',
    'csi-write-volume',
    'csi-mount-volume',
    'list-scaling-policies',
    'read-scaling-policy',
    'read-job-scaling',
    'scale-job',
    'submit-recommendation',
  ],
  scale: [
    'list-scaling-policies',
    'read-scaling-policy',
    'read-job-scaling',
    'scale-job',
  ],
};

/** Variables capabilities a namespace policy implies on every path. */
const POLICY_VARIABLES: Record<string, string[]> = {
  deny: [],
  read: ['read', 'list'],
  write: ['read', 'list', 'write', 'destroy'],
  scale: [],
};

interface NamespaceRule {
  glob: string;
  capabilities: Set<string>;
  variables: Array<{ glob: string; capabilities: Set<string> }>;
}

interface Policy {
  Name: string;
  Description: string;
  Rules: string;
  namespaces: NamespaceRule[];
  node?: string;
  CreateIndex: number;
  ModifyIndex: number;
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .split('*')
      .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** Nomad picks the namespace rule with the longest matching glob (the most specific). */
function mostSpecific<T extends { glob: string }>(
  rules: T[],
  name: string,
): T | undefined {
  return rules
    .filter(r => globToRegExp(r.glob).test(name))
    .sort(
      (a, b) =>
        b.glob.replace(/\*/g, '').length - a.glob.replace(/\*/g, '').length,
    )[0];
}

/**
 * ACL tokens and policies. A management token may do anything; a client
 * token may do what its policies grant. A request without a token is the
 * anonymous token, governed by a policy named "anonymous" if there is one.
 */
export class AclStore {
  readonly #policies = new Map<string, Policy>();
  readonly #tokens = new Map<string, Json>();
  readonly management: Json;

  constructor() {
    this.management = this.#token('Bootstrap Token', 'management', []);
  }

  putPolicy(name: string, rules: string, description = '', index = 0): Json {
    let parsed;
    try {
      parsed = parsePolicyRules(rules);
    } catch (error) {
      throw new HttpError(
        400,
        `Policy ${name} invalid: ${(error as Error).message}`,
      );
    }
    const namespaces: NamespaceRule[] = parsed.blocks
      .filter(b => b.type === 'namespace')
      .map(b => {
        const policy = (b.body.attributes.policy as string) ?? 'deny';
        const capabilities = new Set([
          ...(NAMESPACE_POLICIES[policy] ?? []),
          ...((b.body.attributes.capabilities as string[]) ?? []),
        ]);
        const paths = b.body.blocks
          .filter(v => v.type === 'variables')
          .flatMap(v => v.body.blocks);
        const variables = paths.map(p => ({
          glob: p.label ?? '*',
          capabilities: new Set(
            (p.body.attributes.capabilities as string[]) ?? [],
          ),
        }));
        if (POLICY_VARIABLES[policy]?.length)
          variables.push({
            glob: '*',
            capabilities: new Set(POLICY_VARIABLES[policy]),
          });
        return { glob: b.label ?? 'default', capabilities, variables };
      });
    const node = parsed.blocks.find(b => b.type === 'node')?.body.attributes
      .policy as string | undefined;
    const stored: Policy = {
      Name: name,
      Description: description,
      Rules: rules,
      namespaces,
      node,
      CreateIndex: index,
      ModifyIndex: index,
    };
    this.#policies.set(name, stored);
    return {
      Name: name,
      Description: description,
      Rules: rules,
      CreateIndex: index,
      ModifyIndex: index,
    };
  }

  createToken(
    name: string,
    policies: string[],
    type: 'client' | 'management' = 'client',
  ): Json {
    for (const policy of policies) {
      if (!this.#policies.has(policy))
        throw new HttpError(400, `policy "${policy}" does not exist`);
    }
    return this.#token(name, type, policies);
  }

  #token(name: string, type: string, policies: string[]): Json {
    const token = {
      AccessorID: newId(),
      SecretID: newId(),
      Name: name,
      Type: type,
      Policies: type === 'management' ? null : policies,
      Roles: null,
      Global: false,
      CreateTime: new Date().toISOString(),
      ExpirationTime: null,
    };
    this.#tokens.set(token.SecretID, token);
    return token;
  }

  /** The token a request was made with; an unknown secret is refused as Nomad refuses it. */
  resolve(secret: string | undefined): Json | undefined {
    if (!secret) return undefined;
    const token = this.#tokens.get(secret);
    if (!token) throw new HttpError(403, 'ACL token not found');
    return token;
  }

  #policiesOf(token: Json | undefined): Policy[] {
    const names = token ? token.Policies ?? [] : ['anonymous'];
    return names
      .map((n: string) => this.#policies.get(n))
      .filter(Boolean) as Policy[];
  }

  allowNamespace(
    token: Json | undefined,
    namespace: string,
    capability: string,
  ): void {
    if (token?.Type === 'management') return;
    const granted = this.#policiesOf(token).some(p => {
      const rule = mostSpecific(p.namespaces, namespace);
      return rule?.capabilities.has(capability);
    });
    if (!granted) throw permissionDenied();
  }

  allowVariable(
    token: Json | undefined,
    namespace: string,
    path: string,
    capability: string,
  ): void {
    if (token?.Type === 'management') return;
    const granted = this.#policiesOf(token).some(p => {
      const rule = mostSpecific(p.namespaces, namespace);
      const paths = rule ? mostSpecific(rule.variables, path) : undefined;
      return (
        paths?.capabilities.has(capability) && !paths.capabilities.has('deny')
      );
    });
    if (!granted) throw permissionDenied();
  }

  allowNode(token: Json | undefined, level: 'read' | 'write'): void {
    if (token?.Type === 'management') return;
    const rank: Record<string, number> = { deny: 0, read: 1, write: 2 };
    if (
      !this.#policiesOf(token).some(p => rank[p.node ?? 'deny'] >= rank[level])
    )
      throw permissionDenied();
  }

  requireManagement(token: Json | undefined): void {
    if (token?.Type !== 'management') throw permissionDenied();
  }
}
