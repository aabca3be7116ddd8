// The configurator as a static folder: `npm run build` runs this after the drop-in and the
// pre-rendered parts are built. dist/site/ works from any static host or file server (relative
// URLs only) and loads the built drop-in, copied beside it with the contact form's file, which
// the drop-in loads from next to itself when the preview has the form.
import {copyFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {build, createLogger} from 'vite';
import {configuratorDataPlugin} from './configurator-data.mjs';
import {RELEASE_FILES, WEBSITE_ZIP, websiteZip} from './release-files.mjs';
import {root} from './ssr.mjs';

const out = path.join(root, 'dist/site');

// index.html loads the drop-in with a classic <script>, on purpose (as an embedder does):
// Vite warns that it cannot bundle it. That warning is expected; others are shown.
const logger = createLogger('warn');
const warn = logger.warn;
logger.warn = (message, options) => {
  if (!message.includes('can\'t be bundled without type="module"')) warn(message, options);
};

await build({
  configFile: false,
  root: path.join(root, 'site'),
  base: './',
  logLevel: 'warn',
  customLogger: logger,
  plugins: [
    configuratorDataPlugin(),
    {
      // The links to the demo pages work under `npm start` only: the build leaves them out.
      name: 'drop-dev-only',
      transformIndexHtml: (html) => html.replace(/\s*<nav[^>]*data-dev-only[\s\S]*?<\/nav>/, ''),
    },
  ],
  build: {outDir: out, emptyOutDir: true, target: 'es2021', sourcemap: false},
});
// The release's files (scripts/release-files.mjs) sit beside the page: its download links
// are relative, so the hosted configurator hands out the very files it was built with.
for (const file of RELEASE_FILES.filter((f) => f !== WEBSITE_ZIP)) {
  await copyFile(path.join(root, 'dist', file), path.join(out, file));
}
await writeFile(path.join(out, WEBSITE_ZIP), websiteZip());
console.log(`dist/site/: the configurator (open dist/site/index.html through any static server)`);
