// @web/test-runner in Chromium, Firefox and WebKit from Debian's packages
// (recipe: shared/browsers.md). `npm test` runs scripts/ensure-browsers.mjs first.
//
//   BROWSERS=chromium,firefox,webkit   engines to run (comma list; default: all three)
//   LIT_MODE=prod                      Lit's production build (default: dev mode)
//
// Server commands for tests (`executeServerCommand` from '@web/test-runner-commands'):
// - built in, registered by @web/test-runner itself: send-keys, send-mouse, reset-mouse,
//   set-viewport, emulate-media, set-user-agent, select-option, write-file/read-file/
//   remove-file, snapshots. Support differs per engine:
//     sendKeys     all three (press 'Space' fails in Firefox, "Unknown key": use ' ').
//                  WebKit (WebDriver): only {press} and {type}, no {down}/{up}.
//     sendMouse    all three.
//     setViewport  Chromium, Firefox; NOT WebKit (throws): use 'set-viewport-size'.
//     emulateMedia ({colorScheme, reducedMotion, media}) Chromium only. Firefox throws
//                  "CDP support is required" (puppeteer drives it over WebDriver BiDi,
//                  which has no media emulation); WebKit throws (no WebDriver command).
//     setUserAgent Chromium only.
// - 'set-viewport-size' (below): {width, height} in all three engines; resolves with the
//   size reached ({width, height}). In WebKit it sizes the window, which cannot get
//   narrower than about 447 px.
// - 'read-seed' (below): text of ../shared/seed/article-page.txt, or null if missing.
// - 'configurator-data': what the configurator (site/) gets from the build: the pre-rendered
//   parts, the JSON-LD, hashes and version (scripts/configurator-data.mjs).
// - 'emulate-media-features' (below): {features: [{name, value}]} for any CSS media
//   feature (forced-colors, prefers-contrast, prefers-color-scheme,
//   prefers-reduced-motion, ...); value '' clears one. Returns true where applied
//   (Chromium) and false where it cannot be (Firefox, WebKit), so a test can
//   `this.skip()`. puppeteer's own page.emulateMediaFeatures rejects forced-colors.
// Every test file starts with an 800x600 viewport and no emulated media in every engine
// (reset between files below and in scripts/webkit-launcher.mjs); within a file, reset
// what a test set (after/afterEach).
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import puppeteerCore from 'puppeteer-core';
import {webkitLauncher} from './scripts/webkit-launcher.mjs';
import {countReporter} from './scripts/count-reporter.mjs';
import {configuratorDataCommand} from './scripts/configurator-data.mjs';
import {chromiumArgs, chromiumPath} from './scripts/chromium.mjs';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const seedFile = path.resolve(projectRoot, '../shared/seed/article-page.txt');

// esbuild's tsconfigRaw ignores "extends", and tsconfig.test.json extends tsconfig.json
// where experimentalDecorators / useDefineForClassFields live: hand esbuild a flattened copy.
function flattenTsconfig(file) {
  const ts = createRequire(import.meta.url)('typescript');
  const read = (f) => {
    const {config, error} = ts.readConfigFile(f, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
    const bases = [config.extends ?? []].flat().filter((e) => e.startsWith('.'));
    const inherited = bases.reduce(
      (acc, e) => ({...acc, ...read(path.resolve(path.dirname(f), e))}),
      {},
    );
    return {...inherited, ...config.compilerOptions};
  };
  const out = path.join(projectRoot, 'node_modules/.cache/web-test-runner/tsconfig.esbuild.json');
  fs.mkdirSync(path.dirname(out), {recursive: true});
  fs.writeFileSync(out, JSON.stringify({compilerOptions: read(path.resolve(projectRoot, file))}));
  return out;
}

const cdpSessions = new WeakMap(); // puppeteer page -> CDP session of emulate-media-features

// ChromeLauncher hands a finished file's page to the next file: give that one the same
// start as a new page (800x600, no emulated media).
function resetPagesBetweenFiles(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (id) => {
    // the file's tests are done; reset before the page goes back to the pool
    const page = launcher.activePages?.get(id)?.puppeteerPage;
    if (page && !page.isClosed()) {
      try {
        await page.setViewport({width: 800, height: 600});
        if (page.browser().cdpSupported !== false) {
          await page.emulateMediaType(undefined);
          await page.emulateMediaFeatures(undefined);
          await cdpSessions.get(page)?.send('Emulation.setEmulatedMedia', {features: []});
        }
      } catch {
        // the page is reused as it is
      }
    }
    return stopSession(id);
  };
  return launcher;
}

const launchers = {
  chromium: () =>
    resetPagesBetweenFiles(
      chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: {executablePath: chromiumPath, headless: true, args: chromiumArgs},
      }),
    ),
  firefox: () =>
    resetPagesBetweenFiles(
      chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: {browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true},
      }),
    ),
  webkit: () => webkitLauncher(),
};

const selected = (process.env.BROWSERS || 'chromium,firefox,webkit')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const unknown = selected.filter((b) => !(b in launchers));
if (unknown.length || !selected.length) {
  throw new Error(
    `BROWSERS: unknown "${unknown.join(',')}"; use a comma list of chromium,firefox,webkit`,
  );
}

const litProd = process.env.LIT_MODE === 'prod';

const readSeedPlugin = {
  name: 'read-seed',
  async executeCommand({command}) {
    if (command !== 'read-seed') return undefined;
    try {
      return await fs.promises.readFile(seedFile, 'utf8');
    } catch (e) {
      // Returning null here would read as "unknown command"; NaN is sent as JSON and so
      // arrives in the browser as null.
      if (e.code === 'ENOENT') return Number.NaN;
      throw e;
    }
  },
};

const emulateMediaFeaturesPlugin = {
  name: 'emulate-media-features',
  async executeCommand({command, payload, session}) {
    if (command !== 'emulate-media-features') return undefined;
    const features = payload?.features;
    if (!Array.isArray(features))
      throw new Error('emulate-media-features: pass {features: [{name, value}]}');
    if (session.browser.type !== 'puppeteer') return false; // WebKit
    const page = session.browser.getPage(session.id);
    if (page.browser().cdpSupported === false) return false; // Firefox (WebDriver BiDi)
    let cdp = cdpSessions.get(page);
    if (!cdp) {
      // keep it attached: the override ends when the CDP session detaches
      cdp = await page.createCDPSession();
      cdpSessions.set(page, cdp);
    }
    await cdp.send('Emulation.setEmulatedMedia', {features});
    return true;
  },
};

const setViewportSizePlugin = {
  name: 'set-viewport-size',
  async executeCommand({command, payload, session}) {
    if (command !== 'set-viewport-size') return undefined;
    const {width, height} = payload ?? {};
    if (!Number.isInteger(width) || !Number.isInteger(height)) {
      throw new Error('set-viewport-size: pass {width, height} in CSS pixels');
    }
    if (session.browser.type === 'webdriver') return session.browser.setViewportSize(width, height);
    await session.browser.getPage(session.id).setViewport({width, height});
    return {width, height};
  },
};

export default {
  rootDir: projectRoot,
  files: ['test/**/*.test.ts'],
  nodeResolve: litProd ? {exportConditions: ['production']} : true,
  browsers: selected.map((b) => launchers[b]()),
  concurrentBrowsers: 3,
  // Chromium and Firefox: default (cores / 2); WebKit forces 1 itself
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 120000,
  testFramework: {config: {timeout: 10000}},
  plugins: [
    esbuildPlugin({ts: true, tsconfig: flattenTsconfig('./tsconfig.test.json'), target: 'es2021'}),
    readSeedPlugin,
    emulateMediaFeaturesPlugin,
    setViewportSizePlugin,
    configuratorDataCommand(),
    (await import('./test/contact-endpoint.mjs')).contactEndpoint(), // POST /__contact/*
  ],
  filterBrowserLogs: ({args}) =>
    !(typeof args[0] === 'string' && args[0].includes('Lit is in dev mode')),
  reporters: [defaultReporter(), countReporter()],
};
