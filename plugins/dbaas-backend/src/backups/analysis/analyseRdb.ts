import { BackupAnalysis } from '@justmanage/plugin-dbaas-common';
import { parseRdb } from '../rdb/RdbParser';
import { RdbTally, REPORTED_GROUPS } from './RdbTally';
import { rankByMemory, MemoryUsage } from './rankByMemory';

export interface AnalyseRdbOptions {
  topN: number;
  separator: string;
  /** Asks the live server MEMORY USAGE for the few top candidates. */
  memoryUsage: MemoryUsage;
}

export type RdbAnalysis = Omit<BackupAnalysis, 'backupId' | 'instanceId'>;

/**
 * Reads an RDB stream once and reports on it. The live server is asked
 * MEMORY USAGE for at most 4 x topN keys per type, once the file is read.
 */
export async function analyseRdb(
  rdb: AsyncIterable<Buffer>,
  options: AnalyseRdbOptions,
): Promise<RdbAnalysis> {
  const started = performance.now();
  // Redis writes ctime, when the save began, before the first key; TTLs
  // are counted from it. A file without it is counted from now.
  let takenAt = Date.now();
  let tally: RdbTally | undefined;
  const summary = await parseRdb(
    rdb,
    key => {
      tally ??= new RdbTally({ ...options, takenAt });
      tally.add(key);
    },
    (name, value) => {
      if (name === 'ctime') takenAt = Number(value) * 1000;
    },
  );
  tally ??= new RdbTally({ ...options, takenAt });

  const ranked = await rankByMemory(tally, options.topN, options.memoryUsage);
  const { patterns, otherPatterns } = tally.groups.report(REPORTED_GROUPS);
  const engineVersion = summary.aux['valkey-ver'] ?? summary.aux['redis-ver'];
  return {
    rdbVersion: summary.version,
    ...(engineVersion ? { engineVersion } : {}),
    takenAt: new Date(takenAt).toISOString(),
    durationMs: Math.round(performance.now() - started),
    topN: options.topN,
    separator: options.separator,
    keys: tally.keys,
    serializedBytes: tally.serializedBytes,
    databases: [...tally.databases]
      .sort(([a], [b]) => a - b)
      .map(([db, keys]) => ({ db, keys })),
    ...ranked,
    patterns: patterns.map(p => ({
      pattern: p.pattern,
      keys: p.keys,
      serializedBytes: p.memoryBytes,
    })),
    otherPatterns: {
      groups: otherPatterns.groups,
      keys: otherPatterns.keys,
      serializedBytes: otherPatterns.memoryBytes,
    },
    expiry: tally.expiry.buckets(),
  };
}
