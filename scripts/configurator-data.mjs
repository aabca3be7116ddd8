// What the configurator (site/) needs from the build and cannot compute in a browser: the
// pre-rendered parts (scripts/prerender-parts.mjs, checked against the renderer), the JSON-LD,
// the CSP hash of the snippet's own <style>, and the drop-in's SRI hash and version. Served to
// the page as the module `virtual:configurator-data` (Vite, in `npm start` and the build) and
// to the component tests as the server command `configurator-data` (test/runner/commands.mjs).
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {prerenderParts} from './prerender-parts.mjs';
import {places} from './release-files.mjs';
import {loadSources, root} from './ssr.mjs';

let data;

/** @returns {Promise<import('../site/code.ts').ConfiguratorData>} */
export async function configuratorData() {
  data ??= (async () => {
    const src = await loadSources();
    const {parts} = await prerenderParts();
    const structuredData = src['structured-data'].blogPostingScript();
    const {prerenderedSnippet, snippetStyles} = src.prerender;
    // The snippet's <style> is the same for every setting.
    const sample = prerenderedSnippet(
      parts,
      {'form-action': '/contact'},
      {structuredData, scriptSrc: ''},
    );
    const snippetStyleHashes = snippetStyles(sample).map(
      (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
    );
    const sriFile = path.join(root, 'dist/therapist-attachment-article.js.sri');
    // Before the first build (npm start on a fresh clone) there is no hash yet.
    const sri = fs.existsSync(sriFile) ? fs.readFileSync(sriFile, 'utf8').trim() : '';
    const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    return {parts, structuredData, snippetStyleHashes, sri, version};
  })();
  return data;
}

const id = 'virtual:configurator-data';

/**
 * Vite plugin: `import data from 'virtual:configurator-data'`, and in site/index.html
 * `%TAA_VERSION%`, `%TAA_HOMEPAGE%` (the hosted configurator) and `%TAA_RELEASES%` (the release
 * page), from package.json.
 */
export function configuratorDataPlugin() {
  return {
    name: 'configurator-data',
    transformIndexHtml(html) {
      const {version, configurator, releases} = places();
      return html
        .replaceAll('%TAA_VERSION%', version)
        .replaceAll('%TAA_HOMEPAGE%', configurator)
        .replaceAll('%TAA_RELEASES%', releases);
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      return `export default ${JSON.stringify(await configuratorData())};`;
    },
  };
}

/** Web Test Runner plugin: `executeServerCommand('configurator-data')`. */
export function configuratorDataCommand() {
  return {
    name: 'configurator-data-command',
    async executeCommand({command}) {
      if (command !== 'configurator-data') return undefined;
      return configuratorData();
    },
  };
}
