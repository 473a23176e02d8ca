import { HttpError } from './http/HttpError';
import { RequestContext } from './http/router';

interface Matcher {
  match?: RegExp;
  method?: string;
  /** Only blocking queries (those with `index`). */
  blocking?: boolean;
  remaining: number;
}

interface FaultRule extends Matcher {
  status: number;
  body: string;
}

interface StallRule extends Matcher {
  release: Promise<void>;
}

interface InterposeRule extends Matcher {
  run(): Promise<void>;
}

function matches(rule: Matcher, ctx: RequestContext, path: string): boolean {
  return (
    rule.remaining > 0 &&
    (!rule.match || rule.match.test(path)) &&
    (!rule.method || rule.method === ctx.method) &&
    (!rule.blocking || ctx.query.has('index'))
  );
}

type MatchOptions = {
  match?: RegExp;
  method?: string;
  blocking?: boolean;
  count?: number;
};

/**
 * Requests the agent fails on purpose, as Nomad fails them: a 500 "No
 * cluster leader" during an election, a 503 from a proxy, a 403 after a
 * policy change, a server too busy to answer, another writer getting in
 * first. A rule applies to the next `count` matching requests.
 */
export class Faults {
  #rules: FaultRule[] = [];
  #stalls: StallRule[] = [];
  #interposed: InterposeRule[] = [];

  /** Fails matching requests until the returned function is called (or `count` ran out). */
  failRequests(
    options: MatchOptions & { status?: number; body?: string } = {},
  ): () => void {
    const rule: FaultRule = {
      status: options.status ?? 500,
      body: options.body ?? 'No cluster leader',
      match: options.match,
      method: options.method,
      blocking: options.blocking,
      remaining: options.count ?? Infinity,
    };
    this.#rules.push(rule);
    return () => {
      this.#rules = this.#rules.filter(r => r !== rule);
    };
  }

  /**
   * Matching requests get no answer until the returned function is called:
   * a server stuck behind a leader election or a saturated RPC pool, which
   * a client meets as a request (or a blocking query) that outlives its
   * timeout.
   */
  stallRequests(options: MatchOptions = {}): () => void {
    let release = () => {};
    const rule: StallRule = {
      match: options.match,
      method: options.method,
      blocking: options.blocking,
      remaining: options.count ?? Infinity,
      release: new Promise<void>(resolve => {
        release = resolve;
      }),
    };
    this.#stalls.push(rule);
    return () => {
      this.#stalls = this.#stalls.filter(r => r !== rule);
      release();
    };
  }

  /**
   * Runs `run` before the next matching request is handled, as another
   * client's request that reached the leader first (e.g. a second writer
   * registering the same job).
   */
  interpose(options: MatchOptions, run: () => Promise<void>): void {
    this.#interposed.push({
      match: options.match,
      method: options.method,
      blocking: options.blocking,
      remaining: options.count ?? 1,
      run,
    });
  }

  async check(ctx: RequestContext, path: string): Promise<void> {
    const interposed = this.#interposed.find(r => matches(r, ctx, path));
    if (interposed) {
      interposed.remaining -= 1;
      await interposed.run();
    }
    const stall = this.#stalls.find(r => matches(r, ctx, path));
    if (stall) {
      stall.remaining -= 1;
      await Promise.race([
        stall.release,
        new Promise(resolve => ctx.signal.addEventListener('abort', resolve)),
      ]);
    }
    const rule = this.#rules.find(r => matches(r, ctx, path));
    if (!rule) return;
    rule.remaining -= 1;
    throw new HttpError(rule.status, rule.body);
  }
}
