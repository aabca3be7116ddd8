// The three engines from Debian's packages (recipe: shared/browsers.md), picked by BROWSERS.
// Chromium and Firefox through puppeteer-core (Firefox over WebDriver BiDi); WebKit through
// WebKitWebDriver + MiniBrowser (./webkit-launcher.mjs).
import {ChromeLauncher} from '@web/test-runner-chrome';
import puppeteerCore from 'puppeteer-core';
import {chromiumArgs, chromiumPath} from '../../scripts/chromium.mjs';
import {mediaSessions} from './commands.mjs';
import {WebKitLauncher} from './webkit-launcher.mjs';

// ChromeLauncher hands a finished file's page to the next file: give it a new page's start
// (800x600, no emulated media), as WebKitLauncher.startSession does.
class PuppeteerLauncher extends ChromeLauncher {
  constructor(launchOptions) {
    super(
      {headless: true, ...launchOptions},
      ({browser}) => browser.defaultBrowserContext(),
      ({context}) => context.newPage(),
      puppeteerCore,
    );
  }

  async stopSession(id) {
    const page = this.activePages.get(id)?.puppeteerPage;
    try {
      await page?.setViewport({width: 800, height: 600});
      if (page && page.browser().cdpSupported !== false) {
        await page.emulateMediaType(undefined);
        await page.emulateMediaFeatures(undefined);
        await mediaSessions.get(page)?.send('Emulation.setEmulatedMedia', {features: []});
      }
    } catch {
      // a closed page: nothing to reset
    }
    return super.stopSession(id);
  }
}

const launchers = {
  chromium: () => new PuppeteerLauncher({executablePath: chromiumPath, args: chromiumArgs}),
  firefox: () =>
    new PuppeteerLauncher({browser: 'firefox', executablePath: '/usr/bin/firefox-esr'}),
  webkit: () => new WebKitLauncher(),
};

/** The launchers for `names`, a comma list (default: all three). */
export function browsers(names) {
  const selected = (names || 'chromium,firefox,webkit')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = selected.filter((b) => !(b in launchers));
  if (unknown.length || !selected.length) {
    throw new Error(`BROWSERS: unknown "${unknown}"; use a comma list of chromium,firefox,webkit`);
  }
  return selected.map((b) => launchers[b]());
}
