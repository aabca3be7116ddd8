// `npm run bench` (after `npm run build`): the article on a phone, three ways, against plain
// HTML. Not a test: it prints a table and saves the numbers in bench/results/.
//
// Headless Chromium (Debian's) through playwright-core at phone size (390 px wide, 3× pixels),
// the CPU slowed 4× through the DevTools protocol, files served gzipped from 127.0.0.1 with
// every script held back 200 ms, as a CDN on a phone might. Each repetition loads every case
// once, in a rotating order, in a fresh context (no cache); the table shows medians, and its
// comparisons with static HTML are medians of the comparisons within each repetition.
//
//   node bench/run.mjs [--reps=15] [--scale-reps=5] [--counts=1,10,100,1000] [--quick]
//
// Part 1 — one article: largest contentful paint, cumulative layout shift, total blocking time
//   (long tasks after first contentful paint) and bytes over the wire, for static HTML (the
//   baseline), the plain drop-in with its fallback and the README's space-reserving rule, the
//   same without the rule, and the pre-rendered snippet.
// Part 2 — N articles on one page, drop-in against N static copies: time until all are
//   rendered and painted, and the page's JS + DOM heap after garbage collection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {serveStatic} from '../scripts/static-server.mjs';
import {cases, dist, requireBuild, tag} from './pages.mjs';
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';

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
const SCRIPT_DELAY = 200;
const CPU_SLOWDOWN = 4;
const VIEWPORT = {width: 390, height: 844};
const SETTLE_MS = 500; // after everything is rendered, for late shifts and long tasks

requireBuild();

// ---- pages --------------------------------------------------------------------------------
const single = cases(1);
const pages = {};
for (const [name, html] of Object.entries(single)) pages[`/${slug(name)}.html`] = html;
for (const n of COUNTS) {
  const many = cases(n);
  pages[`/many-static-${n}.html`] = many.static;
  pages[`/many-drop-in-${n}.html`] = many['drop-in'];
}
function slug(name) {
  return name.replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
}

const server = await serveStatic({
  root: dist,
  pages,
  delay: (pathname) => (pathname.endsWith('.js') ? SCRIPT_DELAY : 0),
});

// In every page before its own scripts: the observers, and a promise for "all rendered".
const observe = () => {
  const b = {lcp: 0, cls: 0, fcp: 0, longTasks: [], rendered: 0};
  window.__bench = b;
  const on = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({
        type,
        buffered: true,
      });
    } catch {
      // not supported: left at 0
    }
  };
  on('largest-contentful-paint', (e) => (b.lcp = e.renderTime || e.startTime));
  // Every shift counts: the benchmark sends no input, and Chromium flags shifts in emulated
  // mobile pages as `hadRecentInput` all the same, so that flag cannot be trusted here.
  on('layout-shift', (e) => (b.cls += e.value));
  on('paint', (e) => {
    if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  });
  on('longtask', (e) => b.longTasks.push([e.startTime, e.duration]));
  addEventListener('DOMContentLoaded', async () => {
    const els = [...document.querySelectorAll('therapist-attachment-article')];
    if (els.length) {
      await customElements.whenDefined('therapist-attachment-article');
      await Promise.all(els.map((el) => el.updateComplete));
    }
    // the frame that shows them: rAF runs before its paint, the timeout after it
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    b.rendered = performance.now();
  });
};

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

async function load(pathname, {memory = false} = {}) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(observe);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(server.url + pathname.slice(1), {waitUntil: 'load', timeout: 120000});
    await tab.waitForFunction(() => window.__bench.rendered > 0, null, {timeout: 120000});
    await tab.waitForTimeout(SETTLE_MS);
    const b = await tab.evaluate(() => ({
      ...window.__bench,
      // when the script had arrived (0 for a page without one)
      script: Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js'))
          .map((r) => r.responseEnd),
      ),
    }));
    if (errors.length) throw new Error(`${pathname}: ${errors.join('; ')}`);
    let tbt = 0;
    for (const [start, duration] of b.longTasks) {
      const blocking = start + duration - Math.max(start, b.fcp) - 50;
      if (blocking > 0) tbt += blocking;
    }
    const result = {
      lcp: b.lcp,
      cls: b.cls,
      tbt,
      bytes,
      fcp: b.fcp,
      script: b.script,
      rendered: b.rendered,
    };
    if (memory) {
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      result.heap = heap.usedSize + (heap.embedderHeapUsedSize ?? 0);
      result.nodes = (await cdp.send('Memory.getDOMCounters')).nodes;
    }
    return result;
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

const started = Date.now();
const busy = () => os.loadavg()[0] > os.cpus().length;
if (busy()) {
  process.stderr.write(
    `bench: the machine is busy (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores): expect noisy numbers\n`,
  );
}
const version = browser.version();

// ---- part 1: one article ------------------------------------------------------------------
const names = Object.keys(single);
const samples = Object.fromEntries(names.map((n) => [n, []]));
await load(`/${slug(names[0])}.html`); // warm-up, not counted
for (let rep = 0; rep < REPS; rep++) {
  for (const name of rotate(names, rep)) samples[name].push(await load(`/${slug(name)}.html`));
  process.stderr.write(`\rpage metrics: repetition ${rep + 1}/${REPS}`);
}
process.stderr.write('\n');
const metrics = ['lcp', 'cls', 'tbt', 'bytes', 'fcp', 'script'];
const pageMedians = Object.fromEntries(
  names.map((n) => [
    n,
    Object.fromEntries(metrics.map((m) => [m, median(samples[n].map((s) => s[m]))])),
  ]),
);

// Ratios and differences to the baseline are taken within each repetition, whose loads follow
// one another, and then their median: the machine's load drifts less within a repetition.
const paired = (list, baseList, field, op) =>
  median(list.map((s, i) => op(s[field], baseList[i][field])));
const byRatio = (a, b) => a / b;
const byDifference = (a, b) => a - b;
const pageRatios = Object.fromEntries(
  names.map((n) => [
    n,
    {
      lcp: paired(samples[n], samples.static, 'lcp', byRatio),
      lcpLater: paired(samples[n], samples.static, 'lcp', byDifference),
      bytes: paired(samples[n], samples.static, 'bytes', byRatio),
    },
  ]),
);

// ---- part 2: N articles -------------------------------------------------------------------
const scale = {};
for (let rep = 0; rep < SCALE_REPS; rep++) {
  // A page of 1,000 articles takes seconds to load: three of those are enough for a median.
  for (const n of COUNTS.filter((c) => c < 1000 || rep < 3)) {
    for (const kind of rotate(['static', 'drop-in'], rep)) {
      const key = `${kind} ${n}`;
      (scale[key] ??= []).push(await load(`/many-${kind}-${n}.html`, {memory: true}));
      process.stderr.write(`\rinstances: repetition ${rep + 1}/${SCALE_REPS}, ${key}          `);
    }
  }
}
process.stderr.write('\n');
const scaleMedians = {};
for (const [key, list] of Object.entries(scale)) {
  scaleMedians[key] = {
    rendered: median(list.map((s) => s.rendered)),
    heap: median(list.map((s) => s.heap)),
    nodes: median(list.map((s) => s.nodes)),
    bytes: median(list.map((s) => s.bytes)),
  };
}

const scaleRatios = Object.fromEntries(
  COUNTS.map((n) => [
    n,
    {
      rendered: paired(scale[`drop-in ${n}`], scale[`static ${n}`], 'rendered', byRatio),
      heap: paired(scale[`drop-in ${n}`], scale[`static ${n}`], 'heap', byRatio),
    },
  ]),
);

await browser.close();
await server.close();

// ---- report -------------------------------------------------------------------------------
const times = (r) => `${r.toFixed(2)}×`;
const ms = (v) => `${Math.round(v)} ms`;
const kb = (v) => `${(v / 1000).toFixed(1)} kB`;
const mb = (v) => `${(v / 1e6).toFixed(1)} MB`;
const table = (head, rows) => {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(head),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
};

const pageTable = table(
  [
    'case',
    'LCP',
    '× static',
    'later than static',
    'CLS',
    'TBT',
    'bytes',
    '× static',
    'FCP',
    'script arrived',
  ],
  names.map((n) => {
    const m = pageMedians[n];
    const r = pageRatios[n];
    return [
      n === 'static' ? 'static HTML (baseline)' : n,
      ms(m.lcp),
      times(r.lcp),
      n === 'static' ? '–' : ms(r.lcpLater),
      m.cls.toFixed(3),
      ms(m.tbt),
      kb(m.bytes),
      times(r.bytes),
      ms(m.fcp),
      m.script ? ms(m.script) : '–',
    ];
  }),
);

const scaleTable = table(
  [
    'instances',
    'static: rendered',
    'drop-in: rendered',
    '× static',
    'static: heap',
    'drop-in: heap',
    '× static',
    'DOM nodes static / drop-in',
  ],
  COUNTS.map((n) => {
    const s = scaleMedians[`static ${n}`];
    const d = scaleMedians[`drop-in ${n}`];
    return [
      n,
      ms(s.rendered),
      ms(d.rendered),
      times(scaleRatios[n].rendered),
      mb(s.heap),
      mb(d.heap),
      times(scaleRatios[n].heap),
      `${s.nodes} / ${d.nodes}`,
    ];
  }),
);

// Cost per added instance between successive counts: flat when growth is linear.
const perInstance = (kind, field) =>
  COUNTS.slice(1).map((n, i) => {
    const a = scaleMedians[`${kind} ${COUNTS[i]}`][field];
    const b = scaleMedians[`${kind} ${n}`][field];
    return {from: COUNTS[i], to: n, each: (b - a) / (n - COUNTS[i])};
  });
const marginal = {
  'static rendered ms': perInstance('static', 'rendered'),
  'drop-in rendered ms': perInstance('drop-in', 'rendered'),
  'static heap bytes': perInstance('static', 'heap'),
  'drop-in heap bytes': perInstance('drop-in', 'heap'),
};
const marginalLines = Object.entries(marginal).map(
  ([what, steps]) =>
    `  ${what.padEnd(20)} ${steps.map((s) => `${s.from}→${s.to}: ${s.each.toFixed(what.includes('ms') ? 2 : 0)}`).join('   ')}`,
);

const pre = pageMedians['pre-rendered'];
const drop = pageMedians['drop-in'];
const at = (n) => scaleRatios[n].rendered;
const dropSteps = marginal['drop-in rendered ms'].filter((s) => s.to >= 100);
const targets = [
  [
    `pre-rendered LCP ≤ 1.05× static`,
    pageRatios['pre-rendered'].lcp <= 1.05,
    times(pageRatios['pre-rendered'].lcp),
  ],
  [`pre-rendered CLS = 0`, pre.cls === 0, pre.cls.toFixed(3)],
  [
    `drop-in LCP ≤ static + ${SCRIPT_DELAY} ms + 60 ms`,
    pageRatios['drop-in'].lcpLater <= SCRIPT_DELAY + 60,
    `${ms(pageRatios['drop-in'].lcpLater)} later`,
  ],
  [`drop-in CLS ≤ 0.05 (content follows it)`, drop.cls <= 0.05, drop.cls.toFixed(3)],
  ...(COUNTS.includes(100)
    ? [[`100 instances ≤ 1.5× static`, at(100) <= 1.5, `${at(100).toFixed(2)}×`]]
    : []),
  ...(dropSteps.length > 1
    ? [
        [
          `drop-in cost per instance flat (±50%) from 10 up`,
          Math.max(...dropSteps.map((s) => s.each)) <=
            1.5 * Math.min(...dropSteps.map((s) => s.each)),
          dropSteps.map((s) => `${s.each.toFixed(2)} ms`).join(', '),
        ],
      ]
    : []),
];

const env = {
  date: new Date().toISOString(),
  chromium: version,
  node: process.version,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  viewport: VIEWPORT,
  cpuSlowdown: CPU_SLOWDOWN,
  scriptDelayMs: SCRIPT_DELAY,
  reps: REPS,
  scaleReps: SCALE_REPS,
  counts: COUNTS,
  loadAverage: os.loadavg(),
  sizes: Object.fromEntries(
    [`${tag}.js`, `${tag}.hydrate.js`, 'embed.html'].map((f) => [
      f,
      fs.statSync(path.join(dist, f)).size,
    ]),
  ),
};

console.log(
  `\nOne article — medians of ${REPS} (Chromium ${version}, ${VIEWPORT.width}×${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}× slower, scripts +${SCRIPT_DELAY} ms)\n`,
);
console.log(pageTable);
console.log(
  '\n"× static" and "later than static": medians of the comparisons within each repetition.',
);
console.log(
  `\nN articles on one page — medians of ${SCALE_REPS} (${Math.min(3, SCALE_REPS)} for 1,000); "rendered" = all painted, from navigation start\n`,
);
console.log(scaleTable);
console.log('\nCost per added instance (between successive counts):');
console.log(marginalLines.join('\n'));
console.log('\nTargets:');
for (const [what, ok, value] of targets)
  console.log(`  ${ok ? 'met    ' : 'NOT met'}  ${what}: ${value}`);

const out = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(out, {recursive: true});
const file = path.join(out, `${env.date.slice(0, 19).replace(/:/g, '-')}.json`);
fs.writeFileSync(
  file,
  `${JSON.stringify({env, pages: pageMedians, pageRatios, scale: scaleMedians, scaleRatios, marginal, targets: targets.map(([what, met, value]) => ({what, met, value})), samples: {pages: samples, scale}}, null, 2)}\n`,
);
console.log(
  `\nSaved ${path.relative(process.cwd(), file)} in ${Math.round((Date.now() - started) / 1000)} s.`,
);
