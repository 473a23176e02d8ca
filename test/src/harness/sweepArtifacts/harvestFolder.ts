import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { recordProblem, recordSecret } from './recordSecret';
import { sweepDir } from './sweepDir';

/** Lines of redis.conf / sentinel.conf that carry the control plane's password. */
const CONF_PASSWORD =
  /^(?:masterauth|requirepass|sentinel auth-pass \S+|sentinel sentinel-pass) +"?([^"\s]+)"?$/gm;
const PEM_KEY =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----/g;
/** Certificates, keys and configs are small; data files are skipped. */
const MAX_BYTES = 1_000_000;

async function filesUnder(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return []; // removed meanwhile, e.g. an instance being deleted
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile() && /\.(key|pem|conf)$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/**
 * Records the secrets a local driver's data folder holds while it holds
 * them: every PEM private key (nodes', with TLS) and the control plane's
 * password in the configs of replicated nodes and Sentinels.
 */
export async function harvestFolder(folder: string): Promise<void> {
  if (!sweepDir()) return;
  for (const path of await filesUnder(folder)) {
    let text: string;
    try {
      if ((await stat(path)).size > MAX_BYTES) continue;
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      recordProblem(path, error);
      continue;
    }
    for (const [pem] of text.matchAll(PEM_KEY)) {
      recordSecret('private key', pem, path);
    }
    for (const [, password] of text.matchAll(CONF_PASSWORD)) {
      recordSecret('admin password', password, path);
    }
  }
}
