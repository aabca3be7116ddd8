// `npm run lighthouse` (after `npm run build`): Lighthouse's four categories on the demo
// pages, served from 127.0.0.1 against the built drop-in file (not Vite's dev server), in
// Debian's Chromium (CHROME_PATH overrides). Lighthouse's default: a phone, simulated slow 4G
// and a 4× slower CPU. Prints the scores and every audit that is not perfect; saves the
// scores and findings in bench/results/lighthouse-<date>.json (ignored by git; full reports
// go to node_modules/.cache/lighthouse/).
//
//   node scripts/lighthouse.mjs [demo/index.html demo/northside.html …]   (default: every demo page)
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import {serveStatic} from './static-server.mjs';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dropIn = 'dist/therapist-attachment-article.js';
if (!fs.existsSync(path.join(root, dropIn))) {
  console.error(`lighthouse: ${dropIn} is missing — run \`npm run build\` first.`);
  process.exit(1);
}
const targets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs
      .readdirSync(path.join(root, 'demo'))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `demo/${f}`);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

// The demo pages load the element's source through Vite; here they load the built file, the
// way an embedder's page does.
const pages = Object.fromEntries(
  targets.map((file) => [
    `/${file}`,
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .replaceAll('src="../src/define.ts"', `src="../${dropIn}"`),
  ]),
);
const server = await serveStatic({
  root,
  pages,
  headers: {'Cache-Control': 'public, max-age=31536000'},
});

// Chromium on a free DevTools port; its address is read from what it prints.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'taa-lighthouse-'));
const chrome = spawn(
  chromiumPath,
  [
    '--headless=new',
    ...chromiumArgs,
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  {stdio: ['ignore', 'ignore', 'pipe']},
);
const port = await new Promise((resolve, reject) => {
  let text = '';
  const timer = setTimeout(() => reject(new Error('Chromium did not start in 30 s')), 30000);
  chrome.stderr.on('data', (chunk) => {
    const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec((text += chunk));
    if (found) {
      clearTimeout(timer);
      resolve(Number(found[1]));
    }
  });
  chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
});

const results = [];
const out = path.join(root, 'bench/results');
const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
const reports = path.join(root, 'node_modules/.cache/lighthouse');
fs.mkdirSync(out, {recursive: true});
fs.mkdirSync(reports, {recursive: true});
try {
  for (const file of targets) {
    const url = `${server.url}${file}`;
    const {lhr} = await lighthouse(url, {port, logLevel: 'error', onlyCategories: categories});
    const scores = Object.fromEntries(
      categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    );
    // Every scored audit below 1, per category: what to fix.
    const findings = {};
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          (findings[c] ??= []).push(
            `${audit.id} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`,
          );
        }
      }
    }
    const metrics = Object.fromEntries(
      [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ].map((id) => [id, lhr.audits[id]?.displayValue]),
    );
    results.push({page: file, scores, metrics, findings, warnings: lhr.runWarnings});
    fs.writeFileSync(
      path.join(reports, `${path.basename(file, '.html')}.report.json`),
      JSON.stringify(lhr),
    );
    console.log(`\n${file}`);
    console.log(`  ${categories.map((c) => `${c} ${scores[c]}`).join(' · ')}`);
    console.log(
      `  ${Object.entries(metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · ')}`,
    );
    for (const [c, list] of Object.entries(findings)) {
      for (const line of list) console.log(`  ${c}: ${line}`);
    }
    for (const warning of lhr.runWarnings) console.log(`  warning: ${warning}`);
  }
} finally {
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  chrome.kill();
  await exited;
  await server.close();
  // Chromium's helper processes may still be writing to the profile for a moment.
  fs.rmSync(profile, {recursive: true, force: true, maxRetries: 10, retryDelay: 200});
}

const summary = {
  date: new Date().toISOString(),
  lighthouse: (await import('lighthouse/package.json', {with: {type: 'json'}})).default.version,
  loadAverage: os.loadavg(),
  results,
};
const file = path.join(out, `lighthouse-${stamp}.json`);
fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
const perfect = results.every((r) => categories.every((c) => r.scores[c] === 100));
console.log(perfect ? 'All 100.' : 'Not all 100: see the findings above.');
