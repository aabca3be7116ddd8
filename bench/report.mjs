// The benchmark's report: Markdown tables printed to the terminal, and the same summary
// written between the bench markers of docs/performance.md.
import fs from 'node:fs';
import {format} from 'prettier';
import {CPU_SLOWDOWN, SCRIPT_DELAY, VIEWPORT} from './measure.mjs';
import {tag} from './pages.mjs';

const times = (r) => `${r.toFixed(2)}×`;
const ms = (v) => `${Math.round(v).toLocaleString('en-US')} ms`;
const kb = (v) => `${(v / 1000).toFixed(1)} kB`;
const mb = (v) => `${(v / 1e6).toFixed(1)} MB`;
const px = (v) => `${Math.round(v).toLocaleString('en-US')} px`;
/** A median and the middle half of the values around it. */
const spread = (m, [lo, hi]) => `${ms(m)} (${Math.round(lo)}–${Math.round(hi)})`;

const table = (head, rows) => {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
};

/** The summary as Markdown lines; `env` is what run.mjs saves beside the numbers. */
export function report(summary, env) {
  const {pages, pageRatios, split, scale, scaleRatios, marginal, targets, form} = summary;
  const pageTable = table(
    ['case', 'LCP', '× static', 'later than static', 'CLS', 'TBT', 'bytes', '× static', 'FCP'],
    Object.entries(pages).map(([n, m]) => [
      n === 'static' ? 'static HTML (baseline)' : n,
      ms(m.lcp),
      times(pageRatios[n].lcp),
      n === 'static' ? '–' : ms(pageRatios[n].lcpLater),
      m.cls.toFixed(3),
      ms(m.tbt),
      kb(m.bytes),
      times(pageRatios[n].bytes),
      ms(m.fcp),
    ]),
  );
  const scaleTable = table(
    ['instances', 'static: rendered', 'drop-in', '× static', 'static: heap', 'drop-in', '× static'],
    env.counts.map((n) => {
      const s = scale[`static ${n}`];
      const d = scale[`drop-in ${n}`];
      return [
        n.toLocaleString('en-US'),
        ms(s.rendered),
        ms(d.rendered),
        times(scaleRatios[n].rendered),
        mb(s.heap),
        mb(d.heap),
        times(scaleRatios[n].heap),
      ];
    }),
  );
  const splitLines = split
    ? [
        '',
        `Article painted (LCP), median (middle half), without \`form-action\`: drop-in ` +
          `${spread(split.now.median, split.now.spread)}; before the split (${env.baseline}) ` +
          `${spread(split.before.median, split.before.spread)}; now later by ` +
          `${spread(split.later.median, split.later.spread)} (within each repetition).`,
      ]
    : [];
  const triggers = Object.entries(form);
  const formTable = table(
    [
      'form-action set',
      'article drawn',
      'form ready',
      'reader arrives',
      'margin',
      'reader waited',
      'never scrolls: bytes',
      'form fetched',
    ],
    triggers.map(([trigger, f]) => [
      trigger,
      ms(f.painted),
      spread(f.formReady, f.formReadySpread),
      spread(f.arrived, f.arrivedSpread),
      spread(f.margin, f.marginSpread),
      `${f.waited} of ${f.runs}`,
      kb(f.stillBytes),
      `${f.stillFetched} of ${f.stillRuns}`,
    ]),
  );
  const first = triggers[0][1];
  const perInstance = Object.entries(marginal).map(
    ([what, steps]) =>
      `- ${what}: ${steps.map((s) => `${s.from}→${s.to}: ${s.each.toFixed(what.includes('ms') ? 2 : 0)}`).join(', ')}`,
  );
  return [
    `Run ${env.date.slice(0, 16).replace('T', ' ')} UTC: Chromium ${env.chromium}, ` +
      `${VIEWPORT.width}×${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}× slower, scripts +${SCRIPT_DELAY} ms, ` +
      `medians of ${env.reps} repetitions (${env.scaleReps} for N articles), ` +
      `${env.cores} cores at load ${env.loadAverage[0].toFixed(1)}.`,
    '',
    ...pageTable,
    ...splitLines,
    '',
    ...scaleTable,
    '',
    'Cost per added instance (between successive counts):',
    '',
    ...perInstance,
    '',
    `The contact form (${tag}.form.js, ${kb(env.sizes[`${tag}.form.js`])} raw): a reader ` +
      `scrolls from the article's first frame straight down at ` +
      `${env.readerSpeed.toLocaleString('en-US')} px/s (the article is ${px(first.height)} tall ` +
      `at ${VIEWPORT.width} px) to its call-to-action (${px(first.distance)} down), arriving when ` +
      `the element fires \`therapist-article-read\`; the form is ready when its button is in the ` +
      `shadow root, enabled. Margin = arrival − ready, per load; times from navigation start, ` +
      `median (middle half), ${env.reps} loads each:`,
    '',
    ...formTable,
    '',
    'Targets:',
    '',
    ...targets.map((t) => `- ${t.met ? 'met' : '**not met**'}: ${t.what} (${t.value})`),
  ];
}

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Replaces what lies between the bench markers of `file` with `lines`. */
export async function writeSummary(file, lines) {
  const text = fs.readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file}: no ${START} … ${END} block`);
  const updated = `${text.slice(0, from + START.length)}\n\n${lines.join('\n')}\n\n${text.slice(to)}`;
  // formatted as `npm run lint` expects it
  fs.writeFileSync(file, await format(updated, {filepath: file}));
}
