import { AnalysedKey, BackupAnalysis } from '@justmanage/plugin-dbaas-common';
import { displayKey } from '../../bigkeys/tally/displayKey';
import { Candidate } from './KeyCandidates';
import { RdbTally } from './RdbTally';

/**
 * MEMORY USAGE of each key on the live server, in order; null for a key
 * that is gone since the backup.
 */
export type MemoryUsage = (
  keys: ReadonlyArray<{ db: number; key: string }>,
) => Promise<Array<number | null>>;

type Ranked = Pick<
  BackupAnalysis,
  'topByMemory' | 'topByElements' | 'types' | 'memoryUsageAsked'
>;

/**
 * The top lists from the candidates, ranked by the server's own MEMORY
 * USAGE. A key gone since the backup ranks by its size in the file with
 * compressed strings counted expanded, the least it held.
 */
export async function rankByMemory(
  tally: RdbTally,
  topN: number,
  memoryUsage: MemoryUsage,
): Promise<Ranked> {
  const candidates = tally.candidates.all();
  const sizes = candidates.length ? await memoryUsage(candidates) : [];
  const analysed = new Map<Candidate, AnalysedKey>();
  const scores = new Map<AnalysedKey, number>();
  candidates.forEach((c, i) => {
    const key = toAnalysedKey(c, sizes[i]);
    analysed.set(c, key);
    scores.set(key, key.memoryBytes ?? c.expandedBytes);
  });
  const all = [...analysed.values()].sort(
    (a, b) => scores.get(b)! - scores.get(a)!,
  );
  const types = [...tally.types]
    .map(([type, totals]) => ({
      type,
      ...totals,
      biggest: all.find(k => k.type === type)!,
    }))
    .sort((a, b) => b.serializedBytes - a.serializedBytes);
  const topByElements = [...tally.candidates.byElements()]
    .map(([type, keys]) => ({
      type,
      keys: keys.slice(0, topN).map(c => analysed.get(c)!),
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
  return {
    topByMemory: all.slice(0, topN),
    topByElements,
    types,
    memoryUsageAsked: candidates.length,
  };
}

function toAnalysedKey(c: Candidate, memory: number | null): AnalysedKey {
  return {
    db: c.db,
    key: displayKey(c.key),
    type: c.type,
    elements: c.elements,
    serializedBytes: c.serializedBytes,
    ...(memory !== null && memory !== undefined ? { memoryBytes: memory } : {}),
    ...(c.expiresAt !== undefined
      ? { expiresAt: new Date(c.expiresAt).toISOString() }
      : {}),
  };
}
