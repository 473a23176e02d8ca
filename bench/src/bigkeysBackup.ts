import {
  RdbAnalysis,
  analyseRdb,
} from '../../plugins/dbaas-backend/src/backups/analysis/analyseRdb';
import { respMemoryUsage } from '../../plugins/dbaas-backend/src/backups/analysis/respMemoryUsage';
import { RespConnection } from '../../plugins/dbaas-backend/src/bigkeys/resp/RespConnection';
import { LocalInstance } from './localInstance';

/** Calls per command so far, from INFO commandstats. */
export async function commandCalls(
  connection: RespConnection,
): Promise<Map<string, number>> {
  const info = String(await connection.call('INFO', 'commandstats'));
  return new Map(
    [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(([, c, n]) => [
      c,
      Number(n),
    ]),
  );
}

/** Waits for the BGSAVE under way to end; throws if it failed. */
async function bgsaveDone(connection: RespConnection): Promise<void> {
  for (;;) {
    const info = String(await connection.call('INFO', 'persistence'));
    if (/rdb_bgsave_in_progress:0/.test(info)) {
      if (!/rdb_last_bgsave_status:ok/.test(info)) {
        throw new Error('BGSAVE failed');
      }
      return;
    }
    await new Promise(r => setTimeout(r, 10));
  }
}

export interface BackupAnalysisRun {
  analysis: RdbAnalysis;
  /** BGSAVE to the file saved. */
  saveMs: number;
  /** The driver copying the file out as its snapshot. */
  copyMs: number;
  /** Reading the copy back, parsing it and asking MEMORY USAGE: all an
   * analysis of the newest backup takes. */
  analyseMs: number;
  totalMs: number;
  /** Commands the live server ran meanwhile, by name, with their calls. */
  commands: Map<string, number>;
}

/**
 * A fresh backup analysed as the backend does it: BGSAVE, the driver's
 * snapshot of the file read back as a stream, the parser, then MEMORY
 * USAGE for the few top candidates on the live server.
 */
export async function analyseFreshBackup(
  instance: LocalInstance,
  connection: RespConnection,
): Promise<BackupAnalysisRun> {
  const before = await commandCalls(connection);
  const started = performance.now();
  await connection.call('BGSAVE');
  await bgsaveDone(connection);
  const saved = performance.now();
  const rdb = await instance.snapshot('bench-analysis');
  const copied = performance.now();
  const analysis = await analyseRdb(rdb, {
    topN: 10,
    separator: ':',
    memoryUsage: respMemoryUsage(connection),
  });
  const ended = performance.now();
  const after = await commandCalls(connection);
  const commands = new Map<string, number>();
  for (const [command, calls] of after) {
    const ran = calls - (before.get(command) ?? 0);
    if (ran > 0) commands.set(command, ran);
  }
  return {
    analysis,
    saveMs: saved - started,
    copyMs: copied - saved,
    analyseMs: ended - copied,
    totalMs: ended - started,
    commands,
  };
}
