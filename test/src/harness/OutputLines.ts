/** Matches ANSI colour codes, which the backend's development logger emits. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const MAX_LINES = 50_000;

interface Waiter {
  pattern: RegExp;
  resolve(line: string): void;
}

/**
 * The lines a child process printed, colour codes removed, with a way to
 * wait for a line that may not have been printed yet.
 */
export class OutputLines {
  readonly #lines: string[] = [];
  readonly #waiters = new Set<Waiter>();
  #partial = '';

  /** Feeds a chunk of output; complete lines are stored and matched. */
  push(chunk: string): void {
    const text = this.#partial + chunk;
    const parts = text.split('\n');
    this.#partial = parts.pop() ?? '';
    for (const part of parts) {
      this.#add(part);
    }
  }

  /** Stores an unfinished last line, e.g. when the process exits. */
  flush(): void {
    if (this.#partial) {
      this.#add(this.#partial);
      this.#partial = '';
    }
  }

  get all(): readonly string[] {
    return this.#lines;
  }

  tail(count: number): string {
    return this.#lines.slice(-count).join('\n');
  }

  /** The first stored line matching `pattern`, or the next one printed. */
  next(regex: RegExp): { line: Promise<string>; cancel(): void } {
    // A global regex remembers where it matched last; test() must not.
    const pattern = new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''));
    const found = this.#lines.find(l => pattern.test(l));
    if (found !== undefined) {
      return { line: Promise.resolve(found), cancel: () => {} };
    }
    let waiter!: Waiter;
    const line = new Promise<string>(resolve => {
      waiter = { pattern, resolve };
      this.#waiters.add(waiter);
    });
    return { line, cancel: () => this.#waiters.delete(waiter) };
  }

  #add(raw: string): void {
    const line = raw.replace(ANSI, '').replace(/\r$/, '');
    this.#lines.push(line);
    if (this.#lines.length > MAX_LINES) {
      this.#lines.splice(0, this.#lines.length - MAX_LINES);
    }
    for (const waiter of this.#waiters) {
      if (waiter.pattern.test(line)) {
        this.#waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  }
}
