// `npm test`: the component tests (test/**/*.test.ts) in Chromium, Firefox and WebKit from
// Debian's packages (shared/browsers.md). Launchers, server commands and the count reporter
// live in test/runner/.
//
//   BROWSERS=chromium,firefox,webkit   engines to run (default: all three)
//   LIT_MODE=prod                      Lit's production build (default: dev mode)
//
// Server commands (`executeServerCommand`), beyond @web/test-runner's own:
//   'set-viewport-size' {width, height}  all three engines; resolves with the size reached
//                                        (WebKit's window stays at least ~447 px wide)
//   'emulate-media-features' {features: [{name, value}]}  any media feature; false where it
//                                        cannot be applied (Firefox, WebKit): `this.skip()`
//   'read-seed'            ../shared/seed/article-page.txt, or null
//   'configurator-data'    what the configurator gets from the build
//   'contact-endpoint'     what POST /__contact/* received (test/runner/contact-endpoint.mjs)
// Built-in commands per engine: sendKeys everywhere (Firefox: ' ' not 'Space'; WebKit:
// {press}/{type} only), sendMouse everywhere, setViewport not in WebKit, emulateMedia and
// setUserAgent in Chromium only. Every file starts at 800x600 with no emulated media.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {browsers} from './test/runner/launchers.mjs';
import {commands} from './test/runner/commands.mjs';
import {countReporter} from './test/runner/count-reporter.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: process.env.LIT_MODE === 'prod' ? {exportConditions: ['production']} : true,
  browsers: browsers(process.env.BROWSERS),
  concurrentBrowsers: 3,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 120000,
  testFramework: {config: {timeout: 10000}},
  plugins: [
    // tsconfig.json, not tsconfig.test.json: esbuild ignores "extends"
    esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2021'}),
    ...commands(),
  ],
  filterBrowserLogs: ({args}) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter()],
};
