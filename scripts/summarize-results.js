// Prints the closing "N passed, N failed" line of the whole test run: the
// jest --json result file, the browser tests' TAP file and the secrets
// sweep's result file (one test: test/src/sweep/main.ts). A suite that
// failed to run, a skipped test and a cancelled test all count as failures:
// the project allows none. A missing result file counts as one failure.
const fs = require('fs');

const [jestFile, tapFile, sweepFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (fs.existsSync(jestFile)) {
  const r = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
  const brokenSuites = r.testResults.filter(
    s =>
      s.status === 'failed' &&
      s.assertionResults.every(a => a.status !== 'failed'),
  ).length;
  const skipped = r.numPendingTests + r.numTodoTests;
  const jestFailed = r.numFailedTests + brokenSuites + skipped;
  console.log(
    `jest suites: ${r.numPassedTestSuites} passed, ${r.numFailedTestSuites} failed` +
      (skipped ? ` (${skipped} skipped tests count as failures)` : ''),
  );
  console.log(`jest: ${r.numPassedTests} passed, ${jestFailed} failed`);
  passed += r.numPassedTests;
  failed += jestFailed;
} else {
  console.log(`jest: no result file ${jestFile}`);
  failed += 1;
}

if (tapFile) {
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  // node:test's TAP ends with one "# <name> <n>" line per total
  const total = name => {
    const all = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  if (total('pass') === undefined) {
    console.log(`browser: no result file ${tapFile}`);
    failed += 1;
  } else {
    const browserFailed =
      total('fail') + total('cancelled') + total('skipped') + total('todo');
    console.log(`browser: ${total('pass')} passed, ${browserFailed} failed`);
    passed += total('pass');
    failed += browserFailed;
  }
}

if (sweepFile) {
  const sweep = fs.existsSync(sweepFile)
    ? JSON.parse(fs.readFileSync(sweepFile, 'utf8'))
    : undefined;
  if (!sweep) {
    console.log(`secrets sweep: no result file ${sweepFile}`);
    failed += 1;
  } else {
    console.log(
      `secrets sweep: ${sweep.ok ? '1 passed, 0' : '0 passed, 1'} failed`,
    );
    if (sweep.ok) passed += 1;
    else failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
