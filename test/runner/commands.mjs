// The project's server commands (`executeServerCommand` from '@web/test-runner-commands'),
// next to @web/test-runner's built-in ones (send-keys, send-mouse, set-viewport, emulate-media,
// …; per-engine support in web-test-runner.config.mjs).
import fs from 'node:fs';
import path from 'node:path';
import {configuratorDataCommand} from '../../scripts/configurator-data.mjs';
import {contactEndpoint} from './contact-endpoint.mjs';

const seedFile = path.resolve(import.meta.dirname, '../../../shared/seed/article-page.txt');

/** puppeteer page -> the CDP session 'emulate-media-features' keeps attached (its override
 * ends when the session detaches); the launchers reset it between files. */
export const mediaSessions = new WeakMap();

const command = (name, run) => ({
  name,
  executeCommand: ({command: asked, payload, session}) =>
    asked === name ? run(payload, session) : undefined,
});

const readSeed = command('read-seed', async () => {
  try {
    return await fs.promises.readFile(seedFile, 'utf8');
  } catch (e) {
    // null would read as "unknown command"; NaN is sent as JSON and arrives as null
    if (e.code === 'ENOENT') return Number.NaN;
    throw e;
  }
});

const emulateMediaFeatures = command('emulate-media-features', async (payload, session) => {
  if (!Array.isArray(payload?.features))
    throw new Error('emulate-media-features: pass {features: [{name, value}]}');
  if (session.browser.type !== 'puppeteer') return false; // WebKit
  const page = session.browser.getPage(session.id);
  if (page.browser().cdpSupported === false) return false; // Firefox (WebDriver BiDi)
  let cdp = mediaSessions.get(page);
  if (!cdp) mediaSessions.set(page, (cdp = await page.createCDPSession()));
  await cdp.send('Emulation.setEmulatedMedia', {features: payload.features});
  return true;
});

const setViewportSize = command('set-viewport-size', async ({width, height} = {}, session) => {
  if (!Number.isInteger(width) || !Number.isInteger(height))
    throw new Error('set-viewport-size: pass {width, height} in CSS pixels');
  if (session.browser.type === 'webdriver') return session.browser.setViewportSize(width, height);
  await session.browser.getPage(session.id).setViewport({width, height});
  return {width, height};
});

export const commands = () => [
  readSeed,
  emulateMediaFeatures,
  setViewportSize,
  configuratorDataCommand(),
  contactEndpoint(), // also serves POST /__contact/*
];
