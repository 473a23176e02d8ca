import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { NeedleIndex } from './NeedleIndex';
import { formsOf, NeedleTag, PEM_MARKER } from './needles';
import { keptFiles, readRecorded, SQLITE_COMPANIONS } from './readArtifacts';
import { Finding, scanLog, scanSqlite } from './scanFiles';

/** How much the sweep must have to look for before a clean result means anything. */
export interface SweepOptions {
  /** The folder the harness filled (JUSTMANAGE_SWEEP_DIR). */
  dir: string;
  /** Fewer distinct secrets recorded than this fails the sweep. */
  minSecrets: number;
  /** Kinds of which at least one secret must have been recorded. */
  requireKinds: string[];
}

export interface SweepResult {
  ok: boolean;
  /** `secrets sweep: N secrets looked for in ...: M found` */
  line: string;
  findings: Finding[];
  /** Why the sweep failed besides findings, e.g. too few secrets. */
  failures: string[];
  /** What the harness could not collect. */
  notes: string[];
  secretsByKind: Record<string, number>;
}

const megabytes = (bytes: number) => {
  const mb = bytes / 1e6;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
};

function sizeWithCompanions(file: string): number {
  return [file, ...SQLITE_COMPANIONS.map(s => file + s)]
    .filter(p => existsSync(p))
    .reduce((sum, p) => sum + statSync(p).size, 0);
}

/**
 * Looks for every recorded secret, in every form, and for any PEM private
 * key, in every kept log and database. Fails on any finding, and when the
 * recording is too thin for a clean result to mean anything.
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const { secrets, problems } = readRecorded(options.dir);
  const { logs, databases } = keptFiles(options.dir);

  const needles: Array<{ text: string; tag: NeedleTag }> = [
    { text: PEM_MARKER, tag: { form: 'PEM private key marker' } },
  ];
  const secretsByKind: Record<string, number> = {};
  for (const secret of secrets) {
    secretsByKind[secret.kind] = (secretsByKind[secret.kind] ?? 0) + 1;
    for (const [form, text] of formsOf(secret)) {
      needles.push({ text, tag: { secret, form } });
    }
  }
  const index = new NeedleIndex(needles);

  const findings: Finding[] = [];
  for (const log of logs) {
    findings.push(...scanLog(log, index, relative(options.dir, log)));
  }
  for (const database of databases) {
    findings.push(
      ...(await scanSqlite(database, index, relative(options.dir, database))),
    );
  }

  const failures: string[] = [];
  if (secrets.length < options.minSecrets) {
    failures.push(
      `only ${secrets.length} secrets were recorded, fewer than the ${options.minSecrets} a meaningful sweep needs`,
    );
  }
  for (const kind of options.requireKinds) {
    if (!secretsByKind[kind]) failures.push(`no ${kind} was recorded`);
  }
  if (!logs.length) failures.push('no backend log was kept');
  if (!databases.length) failures.push('no database was kept');

  const logBytes = logs.reduce((sum, f) => sum + statSync(f).size, 0);
  const dbBytes = databases.reduce((sum, f) => sum + sizeWithCompanions(f), 0);
  const line =
    `secrets sweep: ${secrets.length} secrets looked for in ${logs.length} logs ` +
    `(${megabytes(logBytes)}) and ${databases.length} databases ` +
    `(${megabytes(dbBytes)}): ${findings.length} found`;
  const notes = problems.map(
    p => `could not collect secrets from ${p.source}: ${p.problem}`,
  );
  return {
    ok: findings.length === 0 && failures.length === 0,
    line,
    findings,
    failures,
    notes,
    secretsByKind,
  };
}

/** One line per finding: what was found (never the secret itself), and where. */
export function describeFinding(finding: Finding): string {
  const { secret, form } = finding.tag;
  const what = secret
    ? `${secret.kind} (${form}; recorded from ${secret.source})`
    : form;
  return `${what} in ${finding.where}`;
}
