import {createHash} from 'node:crypto';
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
 * The form file's own build (vite.form.config.ts, with `entry: formFileEntry`): its entry
 * registers the form's code (`contactForm`, the path of src/contact-form.ts) where the drop-in
 * that added the file finds it (src/form-script.ts), and its `lit` is the drop-in's Lit, from
 * that registry, not a second copy.
 */
export function formFile(contactForm: string): Plugin {
  const registry = "globalThis[Symbol.for('therapist-attachment-article')]";
  const lit = '\0lit-from-drop-in';
  return {
    name: 'form-file',
    enforce: 'pre',
    // Vite makes the library's entry an absolute path: only its end is ours.
    resolveId: (source) =>
      source.endsWith(formFileEntry) ? formFileEntry : source === 'lit' ? lit : null,
    load: (id) =>
      id === formFileEntry
        ? `import {ContactForm, contactForm, formStyles} from ${JSON.stringify(contactForm)};\n` +
          `${registry}.form = {ContactForm, contactForm, formStyles};\n`
        : id === lit
          ? `const lit = ${registry};\nexport const {html, nothing, css, adoptStyles} = lit;\n`
          : null,
  };
}

/** The form file's entry, a module made by `formFile()`. */
export const formFileEntry = '\0form-file-entry';
