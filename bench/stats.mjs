// The benchmark's statistics: medians, comparisons with static HTML taken within each
// repetition, cost per added instance, and the targets. Pure functions of the samples.
import {SCRIPT_DELAY} from './measure.mjs';

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The middle half of `values`: their 25th and 75th percentiles. */
export const quartiles = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const i = q * (s.length - 1);
    return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i % 1);
  };
  return [at(0.25), at(0.75)];
};

/** `list` rotated left by `by`: each repetition loads the cases in another order. */
export const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

/** Part 1's case for the drop-in built from before the form moved out (bench/baseline.mjs). */
export const BEFORE_SPLIT = 'drop-in, before the split';

// Ratios and differences to the baseline are taken within each repetition, whose loads follow
// one another, and then their median: the machine's load drifts less within a repetition.
const paired = (list, baseList, field, op) =>
  median(list.map((s, i) => op(s[field], baseList[i][field])));
const byRatio = (a, b) => a / b;
const byDifference = (a, b) => a - b;

const medians = (list, fields) =>
  Object.fromEntries(fields.map((f) => [f, median(list.map((s) => s[f]))]));

/**
 * @param {{pages: Record<string, object[]>, scale: Record<string, object[]>}} samples
 *   pages: case name -> one sample per repetition ('static' is the baseline);
 *   scale: "static N" / "drop-in N" -> samples with memory
 * @param {number[]} counts
 */
export function summarize({pages: samples, scale}, counts) {
  const names = Object.keys(samples);
  const pages = Object.fromEntries(
    names.map((n) => [n, medians(samples[n], ['lcp', 'cls', 'tbt', 'bytes', 'fcp', 'script'])]),
  );
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
  const scaleMedians = Object.fromEntries(
    Object.entries(scale).map(([key, list]) => [
      key,
      medians(list, ['rendered', 'heap', 'nodes', 'bytes']),
    ]),
  );
  const scaleRatios = Object.fromEntries(
    counts.map((n) => [
      n,
      {
        rendered: paired(scale[`drop-in ${n}`], scale[`static ${n}`], 'rendered', byRatio),
        heap: paired(scale[`drop-in ${n}`], scale[`static ${n}`], 'heap', byRatio),
      },
    ]),
  );
  // Cost per added instance between successive counts: flat when growth is linear.
  const perInstance = (kind, field) =>
    counts.slice(1).map((n, i) => {
      const a = scaleMedians[`${kind} ${counts[i]}`][field];
      const b = scaleMedians[`${kind} ${n}`][field];
      return {from: counts[i], to: n, each: (b - a) / (n - counts[i])};
    });
  const marginal = {
    'static rendered ms': perInstance('static', 'rendered'),
    'drop-in rendered ms': perInstance('drop-in', 'rendered'),
    'static heap bytes': perInstance('static', 'heap'),
    'drop-in heap bytes': perInstance('drop-in', 'heap'),
  };

  // The drop-in against its build from before the contact form moved out (bench/baseline.mjs).
  const before = samples[BEFORE_SPLIT];
  const lcps = (list) => list.map((s) => s.lcp);
  const split = before && {
    now: {median: pages['drop-in'].lcp, spread: quartiles(lcps(samples['drop-in']))},
    before: {median: pages[BEFORE_SPLIT].lcp, spread: quartiles(lcps(before))},
    later: {
      median: paired(samples['drop-in'], before, 'lcp', byDifference),
      spread: quartiles(samples['drop-in'].map((s, i) => s.lcp - before[i].lcp)),
    },
  };

  const pre = pages['pre-rendered'];
  const drop = pages['drop-in'];
  const at = (n) => scaleRatios[n].rendered;
  const dropSteps = marginal['drop-in rendered ms'].filter((s) => s.to >= 100);
  const x = (r) => `${r.toFixed(2)}×`;
  const targets = [
    {
      what: 'pre-rendered LCP ≤ 1.05× static',
      met: pageRatios['pre-rendered'].lcp <= 1.05,
      value: x(pageRatios['pre-rendered'].lcp),
    },
    {what: 'pre-rendered CLS = 0', met: pre.cls === 0, value: pre.cls.toFixed(3)},
    {
      what: `drop-in LCP ≤ static + ${SCRIPT_DELAY} ms + 60 ms`,
      met: pageRatios['drop-in'].lcpLater <= SCRIPT_DELAY + 60,
      value: `${Math.round(pageRatios['drop-in'].lcpLater)} ms later`,
    },
    {
      what: 'drop-in CLS ≤ 0.05 (content follows it)',
      met: drop.cls <= 0.05,
      value: drop.cls.toFixed(3),
    },
    ...(split
      ? [
          {
            what: 'drop-in (no form-action) LCP no later than before the split',
            met: split.later.median <= 0,
            value: `${Math.round(split.later.median)} ms later`,
          },
        ]
      : []),
    ...(counts.includes(100)
      ? [{what: '100 instances ≤ 1.5× static', met: at(100) <= 1.5, value: x(at(100))}]
      : []),
    ...(dropSteps.length > 1
      ? [
          {
            what: 'drop-in cost per instance flat (±50%) from 10 up',
            met:
              Math.max(...dropSteps.map((s) => s.each)) <=
              1.5 * Math.min(...dropSteps.map((s) => s.each)),
            value: dropSteps.map((s) => `${s.each.toFixed(2)} ms`).join(', '),
          },
        ]
      : []),
  ];
  return {pages, pageRatios, split, scale: scaleMedians, scaleRatios, marginal, targets};
}

/**
 * The contact form's two triggers (part 3). `form`: trigger -> {flick: samples of a reader who
 * scrolls straight to the end from the article's first frame, still: samples of one who never
 * scrolls}. The margin is arrival − form ready, per load: below 0, the reader waited.
 */
export function summarizeForm(form) {
  return Object.fromEntries(
    Object.entries(form).map(([trigger, {flick, still}]) => {
      const of = (list, field) => list.map((s) => s[field]);
      const margins = flick.map((s) => s.arrived - s.formReady);
      return [
        trigger,
        {
          painted: median(of(flick, 'painted')),
          formReady: median(of(flick, 'formReady')),
          formReadySpread: quartiles(of(flick, 'formReady')),
          arrived: median(of(flick, 'arrived')),
          arrivedSpread: quartiles(of(flick, 'arrived')),
          margin: median(margins),
          marginSpread: quartiles(margins),
          waited: margins.filter((m) => m < 0).length,
          runs: flick.length,
          height: median(of(flick, 'height')),
          distance: median(of(flick, 'distance')),
          stillBytes: median(of(still, 'bytes')),
          stillFetched: still.filter((s) => s.formFetched).length,
          stillRuns: still.length,
        },
      ];
    }),
  );
}

/** Issue 10's: the form is ready before a reader who scrolls straight to it arrives. */
export const formTargets = (form) =>
  Object.entries(form).map(([trigger, f]) => ({
    what: `form ready before a fast reader arrives (form-action ${trigger})`,
    met: f.waited === 0,
    value: `margin ${Math.round(f.margin)} ms, waited in ${f.waited} of ${f.runs}`,
  }));
