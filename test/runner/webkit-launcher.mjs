// WebKit from Debian packages (see shared/browsers.md): WebKitWebDriver (webkit2gtk-driver)
// drives WebKitGTK's MiniBrowser, which has no headless mode, so an Xvfb is started when
// DISPLAY is unset. startWebKitDriver() serves @web/test-runner's WebKitLauncher (below:
// started in initialize(), killed in stop()) and the embed tests (test/embed.test.mjs).
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {WebdriverLauncher} from '@web/test-runner-webdriver';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address();
      srv.close(() => resolve(port));
    });
  });

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts `Xvfb -displayfd 3` and resolves with ":N" once it is ready. */
function startXvfb(children) {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.push(xvfb);
  let stderr = '';
  xvfb.stderr.on('data', (d) => (stderr += d));
  const ready = new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
  });
  return withTimeout(ready, 15000, 'starting Xvfb');
}

async function waitForStatus(port, proc) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`, {
        signal: AbortSignal.timeout(1000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error('WebKitWebDriver did not answer GET /status within 20 s');
}

function kill(proc, signal) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal); // its process group: MiniBrowser & WebKit helpers too
  } catch {
    try {
      proc.kill(signal);
    } catch {
      // already gone
    }
  }
}

async function killAll(children) {
  const exits = children.map((p) =>
    p.exitCode !== null || p.signalCode !== null ? null : new Promise((r) => p.once('exit', r)),
  );
  // driver first (reverse start order), then Xvfb
  for (const p of [...children].reverse()) kill(p, 'SIGTERM');
  await Promise.race([Promise.all(exits), delay(3000)]);
  for (const p of children) kill(p, 'SIGKILL');
}

/**
 * Starts Xvfb (if DISPLAY is unset) and WebKitWebDriver on a free port; resolves with
 * {port, capabilities(args), stop()}. Both run in their own process groups: they are killed
 * on stop(), and with this process.
 */
export async function startWebKitDriver() {
  const children = [];
  const onExit = () => children.forEach((p) => kill(p, 'SIGKILL'));
  const onSignal = (signal) => {
    onExit();
    // alone on this signal, we replaced node's default: restore it and die of it
    if (process.listenerCount(signal) === 1) {
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    }
  };
  process.once('exit', onExit);
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
  const stop = async () => {
    await killAll(children);
    process.removeListener('exit', onExit);
    for (const sig of ['SIGTERM', 'SIGHUP']) process.removeListener(sig, onSignal);
  };
  try {
    const env = {...process.env};
    if (!env.DISPLAY) env.DISPLAY = await startXvfb(children);
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {stdio: 'ignore', detached: true, env});
    children.push(driver);
    await new Promise((resolve, reject) => {
      driver.once('spawn', resolve);
      driver.once('error', reject);
    });
    await waitForStatus(port, driver);
    return {port, stop};
  } catch (e) {
    await stop();
    throw e;
  }
}

/** WebdriverIO capabilities for MiniBrowser, with extra command-line `args`. */
export const webkitCapabilities = (args = []) => ({
  browserName: 'MiniBrowser',
  // without this webdriverio 9 asks for BiDi and WebKitWebDriver answers
  // "Failed to match capabilities"
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation', ...args]},
});

export class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0, // set in initialize()
      path: '/',
      logLevel: 'error',
      capabilities: webkitCapabilities(),
    });
    // more than one makes the launcher run test files in iframes, where
    // sendKeys/sendMouse are unsupported
    this.concurrency = 1;
  }

  async initialize(config, testFiles) {
    // WebdriverLauncher picks its session manager from the global concurrency
    await super.initialize({...config, concurrency: 1}, testFiles);
    this.name = 'WebKit'; // not "MiniBrowser", which initialize() takes from the capabilities
    this.webkit = await startWebKitDriver();
    this.options.port = this.webkit.port;
  }

  // Every test file starts with an 800x600 viewport, as in Chromium and Firefox
  // (MiniBrowser's own default is about 1024x730), whatever an earlier file set.
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    try {
      await this.setViewportSize(800, 600);
    } catch {
      // keep whatever size the window has
    }
    return super.startSession(id, url);
  }

  /**
   * Sizes the window so that the page's viewport is width x height (as far as the
   * window allows: MiniBrowser's header bar keeps it at least ~447 px wide).
   * Resolves with the viewport size reached.
   */
  async setViewportSize(width, height) {
    await this.ensureManagerInitialized();
    const measure = () =>
      this.driver.execute('return [outerWidth, outerHeight, innerWidth, innerHeight]');
    if (!this.frame) {
      const [ow, oh, iw, ih] = await measure();
      this.frame = {width: ow - iw, height: oh - ih};
    }
    await this.driver.setWindowRect(
      null,
      null,
      width + this.frame.width,
      height + this.frame.height,
    );
    const [, , iw, ih] = await measure();
    return {width: iw, height: ih};
  }

  // webdriverio's keys() presses every key before it releases any, so a key that comes
  // again while still down is dropped ("book" -> "bok", "a  b" -> "a b"). Press and
  // release each in turn: single characters in one action sequence, and key names
  // ('Tab', 'Enter', ...) through keys(), which knows their codes.
  async sendKeys(sessionId, keys) {
    let chars = [];
    const flush = async () => {
      if (!chars.length) return;
      const actions = chars.flatMap((c) => {
        const value = c === ' ' ? '\uE00D' : c; // as webdriverio sends a space
        return [
          {type: 'keyDown', value},
          {type: 'keyUp', value},
        ];
      });
      chars = [];
      await this.driver.performActions([{type: 'key', id: 'keyboard', actions}]);
    };
    for (const key of keys) {
      if ([...key].length === 1) {
        chars.push(key);
      } else {
        await flush();
        await super.sendKeys(sessionId, [key]);
      }
    }
    await flush();
  }

  async stop() {
    try {
      await withTimeout(super.stop(), 10000, 'closing the WebKit session');
    } catch {
      // the driver is killed below anyway
    }
    await this.webkit?.stop();
  }
}

export const webkitLauncher = () => new WebKitLauncher();
