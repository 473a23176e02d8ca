// Prints the closing "N passed, N failed" line of a jest --json result file.
// A suite that failed to run counts as a failure even when it has no tests,
// and a skipped test counts as a failure: the project allows none.
const fs = require('fs');

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const brokenSuites = r.testResults.filter(
  s =>
    s.status === 'failed' &&
    s.assertionResults.every(a => a.status !== 'failed'),
).length;
const skipped = r.numPendingTests + r.numTodoTests;
const failed = r.numFailedTests + brokenSuites + skipped;
console.log(
  `suites: ${r.numPassedTestSuites} passed, ${r.numFailedTestSuites} failed` +
    (skipped ? ` (${skipped} skipped tests count as failures)` : ''),
);
console.log(`${r.numPassedTests} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
