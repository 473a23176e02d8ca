/*
 * The secrets sweep (issue 16, acceptance 5): after the whole test suite,
 * no password or private key may be in any backend's log or database in
 * plain text. scripts/test-all.sh runs it after the browser tests:
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs \
 *     src/sweep/main.ts --dir ../var/sweep --min-secrets 100 \
 *     --require-kinds 'password,admin password,private key' \
 *     --result ../var/sweep-result.json
 *
 * Prints one line (`secrets sweep: N secrets looked for in ...: M found`),
 * then each finding and each reason for failing; exits 1 on any.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeFinding, runSweep } from './runSweep';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      'min-secrets': { type: 'string', default: '1' },
      'require-kinds': { type: 'string', default: '' },
      result: { type: 'string' },
    },
  });
  if (!values.dir) throw new Error('--dir <the sweep folder> is required');
  const result = await runSweep({
    dir: values.dir,
    minSecrets: Number(values['min-secrets']),
    requireKinds: values['require-kinds']!.split(',').filter(Boolean),
  });
  console.log(result.line);
  const kinds = Object.entries(result.secretsByKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  console.log(`secrets sweep: recorded ${kinds || 'nothing'}`);
  for (const finding of result.findings.slice(0, 50)) {
    console.log(`secrets sweep: FOUND ${describeFinding(finding)}`);
  }
  if (result.findings.length > 50) {
    console.log(`secrets sweep: ... and ${result.findings.length - 50} more`);
  }
  for (const failure of result.failures) {
    console.log(`secrets sweep: FAILED: ${failure}`);
  }
  for (const note of result.notes.slice(0, 20)) {
    console.log(`secrets sweep: note: ${note}`);
  }
  if (result.notes.length > 20) {
    console.log(
      `secrets sweep: note: ... and ${result.notes.length - 20} more`,
    );
  }
  if (values.result) {
    writeFileSync(
      values.result,
      JSON.stringify({ ok: result.ok, line: result.line }),
    );
  }
  return result.ok ? 0 : 1;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(`secrets sweep: ${error.stack ?? error}`);
    process.exit(1);
  },
);
