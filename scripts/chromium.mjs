// Debian's Chromium, as every script and test here launches it (see shared/browsers.md).
// As root, --no-sandbox is required; the rest keep Chromium from reaching for the network
// (this machine has none) and from doing work no test needs.
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
