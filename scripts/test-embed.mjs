// `npm run test:embed` (after `npm run build`): the node:test files of the built snippet, with
// the spec reporter, closed by one plain line that CI reads: `N passed, N failed[, N skipped]`.
import path from 'node:path';
import {run} from 'node:test';
import {spec} from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');
const files = [path.join(root, 'test/embed.test.mjs')];
const count = {passed: 0, failed: 0, skipped: 0};
// Suites and the file itself report too; only single tests are counted. A failure outside
// any test (a hook, a file that does not load) counts as one failed test.
const isTest = (data) => data.details?.type !== 'suite' && data.nesting > 0;

const stream = run({files, concurrency: 1, timeout: 300_000});
stream.on('test:pass', (data) => {
  if (!isTest(data)) return;
  if (data.skip || data.todo) count.skipped += 1;
  else count.passed += 1;
});
stream.on('test:fail', (data) => {
  if (isTest(data) || count.failed === 0) count.failed += 1;
});
const report = stream.compose(spec);
report.pipe(process.stdout, {end: false});
await new Promise((resolve) => report.once('end', resolve));
const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
process.stdout.write(`\n${count.passed} passed, ${count.failed} failed${skipped}\n`);
process.exitCode = count.failed ? 1 : 0;
