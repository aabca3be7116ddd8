import {createHash} from 'node:crypto';
import path from 'node:path';
import {minifyHTMLLiterals} from 'minify-literals';
import type {Plugin} from 'vite';

/**
 * Minifies the markup and CSS inside Lit's html`` and css`` templates in our own sources:
 * Lit ships already minified, but our templates would otherwise keep their indentation.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'minify-lit-templates',
    apply: 'build',
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {fileName: id});
      return result ? {code: result.code, map: result.map} : null;
    },
  };
}

/**
 * Puts a licence banner on the drop-in file (after minification, which strips comments) and
 * writes its Subresource Integrity hash beside it as `<file>.sri`, for CDN snippets.
 */
export function bannerAndIntegrity(banner: string): Plugin {
  return {
    name: 'banner-and-integrity',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = `${banner}\n${chunk.code}`;
        // The banner is one line: shift the source map down by one line to match.
        const map = chunk.map as {mappings: string} | null;
        if (map) map.mappings = `;${map.mappings}`;
        const digest = createHash('sha384').update(chunk.code).digest('base64');
        this.emitFile({
          type: 'asset',
          fileName: `${chunk.fileName}.sri`,
          source: `sha384-${digest}\n`,
        });
      }
    },
  };
}

/**
 * Chooses how the element gets the contact form's code (src/form-import*.ts): the classic
 * drop-in (an IIFE, which cannot split) adds the form file next to itself; the renderer for
 * pre-rendered markup (an SSR build) takes it into its bundle. The npm build (tsc) and the dev
 * server keep src/form-import.ts, a dynamic import.
 */
export function formImport(): Plugin {
  return {
    name: 'form-import',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './form-import.js' || !importer || !/[\\/]src[\\/]/.test(importer))
        return null;
      const ssr = this.environment.config.consumer === 'server';
      return path.resolve(
        path.dirname(importer),
        ssr ? 'form-import-static.ts' : 'form-import-script.ts',
      );
    },
  };
}

/**
 * For the form file's own build: its `lit` is the drop-in's Lit, from the registry the drop-in
 * fills before it adds the file (src/form-registry.ts), not a second copy.
 */
export function litFromDropIn(): Plugin {
  const id = '\0lit-from-drop-in';
  return {
    name: 'lit-from-drop-in',
    enforce: 'pre',
    resolveId: (source) => (source === 'lit' ? id : null),
    load: (loaded) =>
      loaded === id
        ? "const lit = globalThis[Symbol.for('therapist-attachment-article')];\n" +
          'export const {html, nothing, css, adoptStyles} = lit;\n'
        : null,
  };
}
