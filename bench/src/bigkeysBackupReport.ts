import { ScannedKey } from '@justmanage/plugin-dbaas-common';
import { parseBiggest } from '../../plugins/dbaas-backend/src/bigkeys/__testUtils__/redisCli';
import { BackupAnalysisRun } from './bigkeysBackup';

const number = new Intl.NumberFormat('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** The concurrent latency client's own command, not the analysis'. */
const CLIENT_COMMANDS = new Set(['get', 'auth', 'hello', 'ping']);

/**
 * The backup analysis' lines of bench/bigkeys: its phases, how it
 * compares with --memkeys and with the key scan (which measured every
 * key), and what the live server ran meanwhile.
 */
export function backupLines(
  run: BackupAnalysisRun,
  scan: { topByMemory: ScannedKey[]; keysScanned: number },
  memkeysOutput: string,
  memkeysMs: number,
  keys: number,
): string[] {
  const { analysis } = run;
  // Keys of one size tie: --memkeys and the scan keep the first SCAN
  // returns, the analysis the first in the file; the sizes must agree.
  const top = scan.topByMemory.map((k, i) => ({
    scan: k,
    mine: analysis.topByMemory[i],
  }));
  const sizesAgree = top.filter(
    t => t.mine?.memoryBytes === t.scan.memoryBytes,
  );
  const namesAgree = sizesAgree.filter(t => t.mine.key === t.scan.key);
  const topDiffers = top
    .filter(t => t.mine?.memoryBytes !== t.scan.memoryBytes)
    .map(
      t =>
        `; ${t.scan.key} ${t.scan.memoryBytes} vs ${t.mine?.key} ${t.mine?.memoryBytes}`,
    )
    .join('');
  const biggest = parseBiggest(memkeysOutput).map(b => ({
    ...b,
    mine: analysis.types.find(t => t.type === b.type)?.biggest,
  }));
  const bigSizes = biggest.filter(b => b.mine?.memoryBytes === b.size);
  const bigDiffers = biggest
    .filter(b => b.mine?.memoryBytes !== b.size)
    .map(
      b =>
        `; ${b.type}: --memkeys ${b.key} ${b.size}, analysis ${b.mine?.key} ${b.mine?.memoryBytes}`,
    )
    .join('');
  const ran = [...run.commands].sort((a, b) => b[1] - a[1]);
  const perKey = ran.filter(
    ([command, calls]) => !CLIENT_COMMANDS.has(command) && calls >= keys / 100,
  );
  return [
    `backup analysis: BGSAVE ${seconds(
      run.saveMs,
    )}, the driver's copy ${seconds(
      run.copyMs,
    )}, reading, parsing and MEMORY USAGE ${seconds(
      run.analyseMs,
    )}; ${number.format(analysis.keys)} keys (the scan saw ${number.format(
      scan.keysScanned,
    )}), RDB format ${analysis.rdbVersion}, ${(
      analysis.serializedBytes /
      2 ** 20
    ).toFixed(0)} MiB serialized`,
    `--memkeys / analysis of the newest backup  ${(
      memkeysMs / run.analyseMs
    ).toFixed(2)}x  (goal: >= 5x; the backup already taken)`,
    `--memkeys / analysis with a fresh BGSAVE  ${(
      memkeysMs / run.totalMs
    ).toFixed(2)}x  (BGSAVE and the copy included)`,
    `top 10 by memory vs the key scan (MEMORY USAGE of every key): same size at ${sizesAgree.length} of ${top.length} ranks, same name too at ${namesAgree.length} (the rest: other keys of that very size)${topDiffers}`,
    `biggest key per type vs --memkeys: same size for ${bigSizes.length} of ${
      biggest.length
    } types, same name too for ${
      bigSizes.filter(b => b.mine!.key === b.key).length
    }${bigDiffers}`,
    `live server during the analysis: ${ran
      .map(([c, n]) => `${c} ${number.format(n)}`)
      .join(
        ', ',
      )} (get, auth, ping: the concurrent client); per-key commands: ${
      perKey.length ? perKey.map(([c]) => c).join(', ') : 'none'
    } (${analysis.memoryUsageAsked} MEMORY USAGE for ${number.format(
      analysis.keys,
    )} keys)`,
  ];
}
