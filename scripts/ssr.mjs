// The element's sources, built for Node by the project's own vite.config.ts (so with the same
// template transforms as the browser files, which hydration needs), and rendered to
// declarative shadow DOM by @lit-labs/ssr. Shared by build-embed.mjs, generate-wordpress.mjs
// and the configurator's data. The Node build, and what `cached` keeps beside it (the
// pre-rendered parts), are made once per change of their inputs: `npm run build` runs one.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'vite';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tag = 'therapist-attachment-article';
const out = path.join(root, 'node_modules/.cache/embed-ssr');

const entries = {
  define: 'src/define.ts',
  attributes: 'src/attributes.ts',
  'safe-url': 'src/safe-url.ts',
  article: 'src/content/article.ts',
  'form-fields': 'src/content/form-fields.ts',
  'form-strings': 'src/content/form-strings.ts',
  'structured-data': 'src/content/structured-data.ts',
  prerender: 'src/prerender.ts',
  'contact-form': 'src/contact-form.ts',
};

let loaded;

/** What the Node build and the parts are made from: the sources, the build's config, these scripts. */
function inputsHash() {
  const hash = createHash('sha256');
  const files = [
    ...fs.readdirSync(path.join(root, 'src'), {recursive: true}).map((f) => path.join('src', f)),
    'vite.config.ts',
    'package-lock.json',
    'scripts/ssr.mjs',
    'scripts/prerender-parts.mjs',
  ].sort();
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(`${file}\0`).update(fs.readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}
const stamp = path.join(out, 'inputs.sha256');

/**
 * Builds the sources for Node (once per process) and returns their modules by name, plus
 * `renderElement(attributes)`: the element's markup, `<tag attrs><template shadowrootmode>…`,
 * exactly as @lit-labs/ssr writes it. Throws if the element warns about an attribute.
 */
export async function loadSources() {
  loaded ??= (async () => {
    const inputs = inputsHash();
    const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputs;
    if (!fresh)
      await build({
        configFile: path.join(root, 'vite.config.ts'),
        logLevel: 'warn',
        // Not the drop-in: no form file (src/form-script.ts). The form's code is put in the
        // registry below, before the element loads, so that it renders the form at once.
        define: {__FORM_INTEGRITY__: 'undefined'},
        build: {
          ssr: true,
          lib: false,
          outDir: out,
          emptyOutDir: true,
          sourcemap: false,
          minify: false,
          rolldownOptions: {
            input: Object.fromEntries(
              Object.entries(entries).map(([name, file]) => [name, path.join(root, file)]),
            ),
            output: {format: 'es', entryFileNames: '[name].js'},
          },
        },
      });
    if (!fresh) fs.writeFileSync(stamp, inputs);
    // The global DOM shim first: the element's module registers it on import.
    await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
    // Relative cta-href values are checked against the page's base URL, unknown at build time.
    const base = 'https://example.invalid/';
    globalThis.document.baseURI ??= base;
    const {render} = await import('@lit-labs/ssr');
    const {collectResultSync} = await import('@lit-labs/ssr/lib/render-result.js');
    const {html, unsafeStatic} = await import('lit/static-html.js');
    globalThis[Symbol.for('therapist-attachment-article')] = {
      form: await import(pathToFileURL(path.join(out, 'contact-form.js')).href),
    };
    const modules = {};
    for (const name of Object.keys(entries)) {
      modules[name] = await import(pathToFileURL(path.join(out, `${name}.js`)).href);
    }
    const {escapeHtml} = modules['structured-data'];

    /** @param {Record<string, string>} attributes */
    function renderElement(attributes = {}) {
      const warnings = [];
      const warn = console.warn;
      console.warn = (...args) => warnings.push(args.join(' '));
      let rendered;
      try {
        const attrs = Object.entries(attributes)
          .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
          .join('');
        // The whole tag is static markup made here (values escaped), not a binding.
        rendered = collectResultSync(render(html`${unsafeStatic(`<${tag}${attrs}></${tag}>`)}`));
      } finally {
        console.warn = warn;
      }
      if (warnings.length) throw new Error(warnings.join('\n'));
      // The element resolves a relative form-action against its stand-in page (above); the
      // markup keeps the value as given, which the browser resolves against the real page
      // (hydration keeps an attribute as the server wrote it).
      const action = attributes['form-action']?.trim();
      if (action) {
        rendered = rendered.replace(
          ` action="${escapeHtml(new URL(action, base).href)}"`,
          () => ` action="${escapeHtml(action)}"`,
        );
      }
      // The outer template is only the wrapper made above, never hydrated: drop its markers.
      const outer = /^<!--lit-part [^>]*-->([\s\S]*)<!--\/lit-part-->$/.exec(rendered);
      if (!outer || !outer[1].includes('<template shadowroot')) {
        throw new Error('unexpected shape of the rendered markup');
      }
      return outer[1];
    }
    return {...modules, renderElement};
  })();
  return loaded;
}

const made = new Map();

/**
 * `make()`'s result (JSON), kept beside the Node build: made once per change of the sources,
 * whichever script asks first, and read by the others.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
export function cached(name, make) {
  if (!made.has(name)) {
    made.set(
      name,
      (async () => {
        await loadSources();
        const file = path.join(out, name);
        if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
        const value = await make();
        fs.writeFileSync(file, JSON.stringify(value));
        return value;
      })(),
    );
  }
  return made.get(name);
}
