// Loads pages in Debian's headless Chromium (puppeteer-core) as a phone on a CDN would get
// them, and returns what each load measured. Used by bench/run.mjs.
//
// Phone size (390 px wide, 3× pixels), the CPU slowed 4× through the DevTools protocol, files
// served gzipped from 127.0.0.1 with every script held back 200 ms; each load in a fresh
// browser context (no cache).
import puppeteer from 'puppeteer-core';
import {serveStatic} from '../scripts/static-server.mjs';
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {dist} from './pages.mjs';

export const SCRIPT_DELAY = 200;
export const CPU_SLOWDOWN = 4;
export const VIEWPORT = {width: 390, height: 844};
const SETTLE_MS = 500; // after everything is rendered, for late shifts and long tasks

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

/** Reader speed for the form's pages, px/s: a fast flick straight to the end, not reading. */
export const READER_SPEED = 3000;

// With the contact form (bench part 3), also in the page: when the article is first drawn (the
// first frame that has it), when the form is ready (in the shadow root, its button enabled) and
// when the reader reaches the call-to-action (the element's own `therapist-article-read`). With
// a `speed`, the reader starts scrolling at the article's first frame and scrolls straight down
// at `speed` px/s, one step per frame, until there.
const watchForm = (speed) => {
  const b = window.__bench;
  Object.assign(b, {painted: 0, formReady: 0, arrived: 0, height: 0, distance: 0});
  addEventListener('therapist-article-read', () => {
    b.arrived ||= performance.now();
    b.distance = scrollY;
  });
  const frame = (now) => {
    const el = document.querySelector('therapist-attachment-article');
    const root = el?.shadowRoot;
    if (!b.painted && root?.querySelector('.article')) {
      b.painted = now;
      b.height = el.offsetHeight;
    }
    if (!b.formReady && root?.querySelector('form button:not([disabled])')) b.formReady = now;
    if (speed && b.painted && !b.arrived) scrollTo(0, (speed * (now - b.painted)) / 1000);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/**
 * Serves `pages` ({'/path.html': html}) next to dist/ and starts Chromium; resolves with
 * {version, load(pathname, {memory}), close()}. load() gives lcp, cls, tbt (long tasks after
 * first contentful paint), bytes over the wire, fcp, script (when the last script arrived) and
 * rendered, all in ms from navigation start; with `memory`, also heap and DOM nodes after GC.
 * With `reader` ('flick' or 'still'), a page with the contact form: also painted, formReady,
 * arrived (0: never), the element's height at its first paint, the distance scrolled and
 * whether the form's file was fetched; 'flick' scrolls at `speed`, 'still' never scrolls.
 */
export async function startBench(pages) {
  const server = await serveStatic({
    root: dist,
    pages,
    delay: (pathname) => (pathname.endsWith('.js') ? SCRIPT_DELAY : 0),
  });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });

  async function load(pathname, {memory = false, reader, speed = READER_SPEED} = {}) {
    const context = await browser.createBrowserContext();
    try {
      const tab = await context.newPage();
      await tab.setViewport({...VIEWPORT, deviceScaleFactor: 3, isMobile: true, hasTouch: true});
      await tab.evaluateOnNewDocument(observe);
      if (reader) await tab.evaluateOnNewDocument(watchForm, reader === 'flick' ? speed : 0);
      const cdp = await tab.createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
      await cdp.send('Network.enable');
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
      const errors = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(server.url + pathname.slice(1), {waitUntil: 'load', timeout: 120000});
      await tab.waitForFunction(() => window.__bench.rendered > 0, {timeout: 120000});
      if (reader === 'flick') {
        await tab.waitForFunction(() => window.__bench.formReady && window.__bench.arrived, {
          timeout: 60000,
        });
      }
      // a reader who never scrolls: long enough for anything that would load to have loaded
      await new Promise((resolve) =>
        setTimeout(resolve, reader === 'still' ? 2 * SETTLE_MS : SETTLE_MS),
      );
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
        formFetched: performance
          .getEntriesByType('resource')
          .some((r) => r.name.endsWith('.form.js')),
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
      if (reader) {
        for (const key of ['painted', 'formReady', 'arrived', 'height', 'distance', 'formFetched'])
          result[key] = b[key];
      }
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

  return {
    version: (await browser.version()).replace(/^[^/]*\//, ''),
    load,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
