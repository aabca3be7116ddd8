// A @web/test-runner reporter, used next to the default one, that counts single tests
// (not files) per browser and closes the run with one plain line CI parses:
//   Chromium: 12 passed, 0 failed, 0 skipped
//   Firefox: 12 passed, 0 failed, 0 skipped
//   36 passed, 0 failed[, N skipped]
// A test file that failed without any failed test (a load error, a failing hook, a
// timeout) counts as one failed test, so the line never says 0 failed for a red run.
// The lines are printed when the process exits, after the default reporter's summary.

function countSuite(suite, c) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) c.skipped += 1;
    else if (t.passed) c.passed += 1;
    else c.failed += 1;
  }
  for (const s of suite.suites ?? []) countSuite(s, c);
}

export function countReporter() {
  let browserNames = [];
  let lines = null;
  const print = () => {
    if (lines) process.stdout.write(`\n${lines.join('\n')}\n`);
    lines = null;
  };

  return {
    start({browserNames: names}) {
      browserNames = names;
    },

    stop({sessions}) {
      const perBrowser = new Map(browserNames.map((n) => [n, {passed: 0, failed: 0, skipped: 0}]));
      for (const session of sessions) {
        const name = session.browser.name;
        if (!perBrowser.has(name)) perBrowser.set(name, {passed: 0, failed: 0, skipped: 0});
        const c = {passed: 0, failed: 0, skipped: 0};
        countSuite(session.testResults, c);
        if (session.passed === false && c.failed === 0) c.failed = 1;
        const total = perBrowser.get(name);
        for (const k of Object.keys(c)) total[k] += c[k];
      }
      const sum = {passed: 0, failed: 0, skipped: 0};
      lines = [];
      for (const [name, c] of perBrowser) {
        lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
        for (const k of Object.keys(sum)) sum[k] += c[k];
      }
      lines.push(
        `${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ''}`,
      );
      // @web/test-runner prints its own summary after the reporters' stop() and then
      // calls process.exit(); print last so the plain line closes the output.
      process.once('exit', print);
    },
  };
}
