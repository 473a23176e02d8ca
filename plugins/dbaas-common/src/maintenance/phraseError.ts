/** A phrase that cannot be read; the message says what is wrong with it. */
export class PhraseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhraseError';
  }
}
