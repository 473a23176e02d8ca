/** Buckets of time left to live, counted from when the backup was taken. */
const BUCKETS: Array<{ label: string; upToMs: number }> = [
  { label: 'expired at backup', upToMs: 0 },
  { label: 'within 1 hour', upToMs: 3_600_000 },
  { label: 'within 1 day', upToMs: 86_400_000 },
  { label: 'within 7 days', upToMs: 7 * 86_400_000 },
  { label: 'within 30 days', upToMs: 30 * 86_400_000 },
  { label: 'later', upToMs: Infinity },
];

export interface ExpiryBucket {
  label: string;
  keys: number;
  serializedBytes: number;
}

/** Keys and their bytes by how soon they expire; keys without a TTL apart. */
export class ExpiryHistogram {
  readonly #takenAt: number;
  readonly #buckets: ExpiryBucket[] = [
    { label: 'no TTL', keys: 0, serializedBytes: 0 },
    ...BUCKETS.map(b => ({ label: b.label, keys: 0, serializedBytes: 0 })),
  ];

  constructor(takenAt: number) {
    this.#takenAt = takenAt;
  }

  add(expiresAt: number | undefined, bytes: number): void {
    let bucket = this.#buckets[0];
    if (expiresAt !== undefined) {
      const left = expiresAt - this.#takenAt;
      const at = BUCKETS.findIndex(b => left <= b.upToMs);
      bucket = this.#buckets[at + 1];
    }
    bucket.keys += 1;
    bucket.serializedBytes += bytes;
  }

  buckets(): ExpiryBucket[] {
    return this.#buckets.map(b => ({ ...b }));
  }
}
