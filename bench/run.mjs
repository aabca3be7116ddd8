// `npm run bench` (after `npm run build`): the article on a phone, three ways, against plain
// HTML. Not a test: it prints a summary, writes it into docs/performance.md and saves every
// sample in bench/results/ (ignored by git).
//
//   node bench/run.mjs [--reps=15] [--scale-reps=5] [--counts=1,10,100,1000] [--quick]
//                      [--baseline=bench/results/baseline/therapist-attachment-article.js]
//                      [--reader-speed=3000] [--near=100%]
//
// Part 1 — one article: largest contentful paint, cumulative layout shift, total blocking time
//   and bytes over the wire, for static HTML (the baseline), the plain drop-in with its fallback
//   and the README's space-reserving rule, the same without the rule, and the pre-rendered
//   snippet. Each repetition loads every case once, in a rotating order. With a baseline (the
//   drop-in from before the contact form moved out, built by `node bench/baseline.mjs`; used
//   when that file exists), also that drop-in on the same page.
// Part 2 — N articles on one page, drop-in against N static copies: time until all are
//   rendered and painted, and the page's JS + DOM heap after garbage collection.
// Part 3 — the contact form, its file fetched with `form-action` from the start or once the
//   article's end nears the viewport (is within --near, a rootMargin, below it): when it is
//   ready against when a reader who scrolls straight to the end from the article's first frame
//   arrives (at --reader-speed px/s), and the bytes for a reader who never scrolls.
//
// bench/measure.mjs loads the pages, bench/stats.mjs computes, bench/report.mjs writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cases, dist, dropInFrom, formCases, requireBuild, tag} from './pages.mjs';
import {READER_SPEED, startBench} from './measure.mjs';
import {BEFORE_SPLIT, formTargets, rotate, summarize, summarizeForm} from './stats.mjs';
import {report, writeSummary} from './report.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k, v];
  }),
);
const quick = args.quick === 'true';
const REPS = Number(args.reps ?? (quick ? 3 : 15));
const SCALE_REPS = Number(args['scale-reps'] ?? (quick ? 2 : 5));
const COUNTS = (args.counts ?? (quick ? '1,10,100' : '1,10,100,1000')).split(',').map(Number);
const SPEED = Number(args['reader-speed'] ?? READER_SPEED);
const root = path.resolve(import.meta.dirname, '..');
const baseline = path.resolve(args.baseline ?? path.join(root, `bench/results/baseline/${tag}.js`));

requireBuild();
const slug = (name) => name.replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
const single = cases(1);
const pages = {};
if (fs.existsSync(baseline)) {
  single[BEFORE_SPLIT] = dropInFrom(`/baseline/${tag}.js`);
  pages[`/baseline/${tag}.js`] = fs.readFileSync(baseline, 'utf8');
} else {
  process.stderr.write(`bench: no ${baseline}: \`node bench/baseline.mjs\` builds it\n`);
}
for (const [name, html] of Object.entries(single)) pages[`/${slug(name)}.html`] = html;
const forms = formCases({below: args.near});
for (const [name, html] of Object.entries(forms)) pages[`/form-${slug(name)}.html`] = html;
for (const n of COUNTS) {
  const many = cases(n);
  pages[`/many-static-${n}.html`] = many.static;
  pages[`/many-drop-in-${n}.html`] = many['drop-in'];
}

const started = Date.now();
if (os.loadavg()[0] > os.cpus().length) {
  process.stderr.write(
    `bench: the machine is busy (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores): expect noisy numbers\n`,
  );
}
const bench = await startBench(pages);
const progress = (text) => process.stderr.write(`\r${text}          `);

// part 1: one article
const names = Object.keys(single);
const samples = {pages: Object.fromEntries(names.map((n) => [n, []])), scale: {}};
await bench.load(`/${slug(names[0])}.html`); // warm-up, not counted
for (let rep = 0; rep < REPS; rep++) {
  for (const name of rotate(names, rep))
    samples.pages[name].push(await bench.load(`/${slug(name)}.html`));
  progress(`page metrics: repetition ${rep + 1}/${REPS}`);
}
process.stderr.write('\n');

// part 2: N articles (a page of 1,000 takes seconds to load: three of those are enough)
for (let rep = 0; rep < SCALE_REPS; rep++) {
  for (const n of COUNTS.filter((c) => c < 1000 || rep < 3)) {
    for (const kind of rotate(['static', 'drop-in'], rep)) {
      const key = `${kind} ${n}`;
      (samples.scale[key] ??= []).push(await bench.load(`/many-${kind}-${n}.html`, {memory: true}));
      progress(`instances: repetition ${rep + 1}/${SCALE_REPS}, ${key}`);
    }
  }
}
process.stderr.write('\n');

// part 3: the contact form's two triggers, each for a fast reader and one who never scrolls
samples.form = Object.fromEntries(Object.keys(forms).map((n) => [n, {flick: [], still: []}]));
for (let rep = 0; rep < REPS; rep++) {
  for (const name of rotate(Object.keys(forms), rep)) {
    for (const reader of rotate(['flick', 'still'], rep)) {
      samples.form[name][reader].push(
        await bench.load(`/form-${slug(name)}.html`, {reader, speed: SPEED}),
      );
    }
  }
  progress(`contact form: repetition ${rep + 1}/${REPS}`);
}
process.stderr.write('\n');
await bench.close();

const env = {
  date: new Date().toISOString(),
  chromium: bench.version,
  node: process.version,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  reps: REPS,
  scaleReps: SCALE_REPS,
  counts: COUNTS,
  readerSpeed: SPEED,
  // the commit bench/baseline.mjs built it from, or the file given
  baseline: !fs.existsSync(baseline)
    ? undefined
    : fs.existsSync(path.join(path.dirname(baseline), 'commit.txt'))
      ? fs.readFileSync(path.join(path.dirname(baseline), 'commit.txt'), 'utf8').trim()
      : path.relative(root, baseline),
  loadAverage: os.loadavg(),
  sizes: Object.fromEntries(
    [`${tag}.js`, `${tag}.form.js`, `${tag}.hydrate.js`, 'embed.html'].map((f) => [
      f,
      fs.statSync(path.join(dist, f)).size,
    ]),
  ),
};
const form = summarizeForm(samples.form);
const summary = {...summarize(samples, COUNTS), form};
summary.targets.push(...formTargets(form));
const lines = report(summary, env);
console.log(`\n${lines.join('\n')}`);

await writeSummary(path.join(root, 'docs/performance.md'), lines);
const out = path.join(root, 'bench/results');
fs.mkdirSync(out, {recursive: true});
const file = path.join(out, `${env.date.slice(0, 19).replace(/:/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify({env, ...summary, samples}, null, 2)}\n`);
console.log(
  `\nWrote docs/performance.md's summary and ${path.relative(process.cwd(), file)} in ${Math.round((Date.now() - started) / 1000)} s.`,
);
