#!/usr/bin/env node
// Adds up the unit-test, smoke and browser results of a CI run and prints the closing "N passed, N failed" line.
// A stage that failed without writing results (install, tsc, lint, build) counts as one failure.
import { readFile } from 'node:fs/promises';

const [
  unitStatus,
  buildStatus,
  smokeStatus,
  adoptionStatus,
  resilienceStatus = 0,
] = process.argv.slice(2).map(Number);
const read = async file =>
  JSON.parse(await readFile(file, 'utf8').catch(() => 'null'));

let passed = 0;
let failed = 0;
const unit = await read('.data/test-results.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + unit.numRuntimeErrorTestSuites;
  console.log(
    `unit/store/HTTP tests: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`,
  );
  for (const suite of unit.testResults ?? []) {
    const failures = (suite.assertionResults ?? []).filter(
      t => t.status === 'failed',
    );
    if (suite.status === 'failed' && failures.length === 0) {
      console.log(`  ✗ ${suite.name}: ${String(suite.message).slice(0, 500)}`);
    }
    for (const test of failures) {
      console.log(`  ✗ ${suite.name}: ${test.fullName}`);
    }
  }
}
if (unitStatus !== 0 && (!unit || unit.success)) {
  failed += 1;
  console.log(
    './kit test failed before or after the tests (install, release check, tsc or lint)',
  );
}
if (buildStatus !== 0) {
  failed += 1;
  console.log('building the example backend failed');
}
function addChecks(results, label) {
  passed += results.passed;
  failed += results.failed;
  console.log(`${label}: ${results.passed} passed, ${results.failed} failed`);
  // Repeated here because only the end of a CI log is sure to be read; the backend's request log buries the rest.
  for (const result of results.results.filter(r => !r.ok)) {
    console.log(
      `  ✗ ${result.name}\n    ${result.message
        .split('\n')
        .slice(0, 12)
        .join('\n    ')}`,
    );
  }
}
const smoke = await read('.data/smoke-results.json');
if (smoke) {
  addChecks(smoke, 'smoke and browser checks');
} else if (buildStatus === 0) {
  failed += 1;
  console.log('the smoke test wrote no results');
}
const resilience = await read('.data/resilience-results.json');
if (resilience) {
  addChecks(resilience, 'resilience (PostgreSQL restarted under writes)');
} else if (buildStatus === 0) {
  failed += 1;
  console.log('the resilience test wrote no results');
}
const adoption = await read('.data/adoption-results.json');
if (adoption) {
  addChecks(adoption, 'adoption test (fresh create-app app)');
} else {
  failed += 1;
  console.log('the adoption test wrote no results');
}
// A test that silently stops running (a suite skipped, a spec no longer matched) lowers the count: fail below the
// floor recorded in .ci/test-count-floor. Raise the floor with the tests you add; lower it only on purpose.
const floor = Number(
  (await readFile('.ci/test-count-floor', 'utf8').catch(() => '0')).trim(),
);
if (passed < floor) {
  failed += 1;
  console.log(
    `only ${passed} tests and checks passed, fewer than the floor of ${floor} in .ci/test-count-floor`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(
  failed > 0 ||
    unitStatus !== 0 ||
    buildStatus !== 0 ||
    smokeStatus !== 0 ||
    adoptionStatus !== 0 ||
    resilienceStatus !== 0
    ? 1
    : 0,
);
