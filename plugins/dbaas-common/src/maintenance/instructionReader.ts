import { InstructionToken } from './instructionTokens';
import { isWord, WordGroup } from './instructionWords';
import { PhraseError } from './phraseError';

const QUOTE_LENGTH = 40;

/** A cursor over the tokens of an instruction, for the grammar's readers. */
export class InstructionReader {
  #index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: InstructionToken[],
  ) {}

  get done(): boolean {
    return this.#index >= this.tokens.length;
  }

  get position(): number {
    return this.#index;
  }

  peek(offset = 0): InstructionToken | undefined {
    return this.tokens[this.#index + offset];
  }

  next(): InstructionToken {
    const token = this.tokens[this.#index];
    this.#index += 1;
    return token;
  }

  /**
   * Takes a comma if what follows it passes `test` ("on Sundays, from 2 am
   * ..."); leaves it otherwise.
   */
  skipCommaBefore(test: () => boolean): void {
    if (this.peek()?.text !== ',') return;
    this.#index += 1;
    if (!test()) this.#index -= 1;
  }

  /** Whether the token `offset` ahead is a word (or dash, or separator) of `group`. */
  at(group: WordGroup, offset = 0): boolean {
    const token = this.peek(offset);
    return (
      token !== undefined && token.kind !== 'zone' && isWord(token.lower, group)
    );
  }

  /** Takes the next token if it is in `group`. */
  take(group: WordGroup): InstructionToken | undefined {
    return this.at(group) ? this.next() : undefined;
  }

  /** The instruction as typed from token `from` to before token `to`. */
  slice(from: number, to = this.#index): string {
    const start = this.tokens[from]?.at ?? this.text.length;
    const end = this.tokens[to]?.at ?? this.text.length;
    return this.text.slice(start, end).trim();
  }

  /** The rest of the instruction from the current token, shortened. */
  rest(): string {
    const rest = this.slice(this.#index, this.tokens.length);
    return rest.length > QUOTE_LENGTH
      ? `${rest.slice(0, QUOTE_LENGTH - 3)}...`
      : rest;
  }

  fail(message: string): never {
    throw new PhraseError(message);
  }
}
