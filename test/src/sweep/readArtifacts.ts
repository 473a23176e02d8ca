import {
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { RecordedSecret } from './needles';

/** A collection the harness could not make, e.g. a database it could not read. */
export interface RecordingProblem {
  problem: string;
  source: string;
}

/**
 * The secrets the harness recorded in `dir` (secrets-<pid>.jsonl, one
 * JSON object a line), each value once.
 */
export function readRecorded(dir: string): {
  secrets: RecordedSecret[];
  problems: RecordingProblem[];
} {
  const byValue = new Map<string, RecordedSecret>();
  const problems: RecordingProblem[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir).filter(f => /^secrets-.*\.jsonl$/.test(f))
    : [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line);
      if (typeof entry.problem === 'string') problems.push(entry);
      else if (typeof entry.value === 'string' && !byValue.has(entry.value)) {
        byValue.set(entry.value, entry);
      }
    }
  }
  return { secrets: [...byValue.values()], problems };
}

/** Files SQLite keeps beside a database. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

function isSqlite(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

function filesIn(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .map(f => join(folder, f))
        .filter(p => statSync(p).isFile())
        .sort()
    : [];
}

/** The backend logs (`logs/`) and databases (`db/`, SQLite files) kept in `dir`. */
export function keptFiles(dir: string): {
  logs: string[];
  databases: string[];
} {
  return {
    logs: filesIn(join(dir, 'logs')),
    databases: filesIn(join(dir, 'db')).filter(
      p => !SQLITE_COMPANIONS.some(s => p.endsWith(s)) && isSqlite(p),
    ),
  };
}
