import { HttpError } from './http/HttpError';
import { RequestContext } from './http/router';

interface FaultRule {
  status: number;
  body: string;
  match?: RegExp;
  method?: string;
  remaining: number;
}

/**
 * Requests the agent fails on purpose, as Nomad fails them: a 500 "No
 * cluster leader" during an election, a 503 from a proxy, a 403 after a
 * policy change. A rule applies to the next `count` matching requests.
 */
export class Faults {
  #rules: FaultRule[] = [];

  /** Fails matching requests until the returned function is called (or `count` ran out). */
  failRequests(
    options: {
      status?: number;
      body?: string;
      match?: RegExp;
      method?: string;
      count?: number;
    } = {},
  ): () => void {
    const rule: FaultRule = {
      status: options.status ?? 500,
      body: options.body ?? 'No cluster leader',
      match: options.match,
      method: options.method,
      remaining: options.count ?? Infinity,
    };
    this.#rules.push(rule);
    return () => {
      this.#rules = this.#rules.filter(r => r !== rule);
    };
  }

  check(ctx: RequestContext, path: string): void {
    const rule = this.#rules.find(
      r =>
        r.remaining > 0 &&
        (!r.match || r.match.test(path)) &&
        (!r.method || r.method === ctx.method),
    );
    if (!rule) return;
    rule.remaining -= 1;
    throw new HttpError(rule.status, rule.body);
  }
}
