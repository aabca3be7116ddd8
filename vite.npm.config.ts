import {defineConfig} from 'vite';
import {minifyTemplates} from './scripts/build-plugins.ts';

// The npm package's JavaScript (dist/npm/, beside tsc's declarations): one module per source
// module, readable, Lit left to the app, and the templates' markup and CSS minified as in the
// drop-in, so an app's bundle does not carry their indentation. The contact form stays a module
// of its own, which the element imports only when it is asked for.
export default defineConfig({
  // Not the drop-in: the form is a dynamic import, and the drop-in's code for its form file
  // drops out (src/form-script.ts).
  define: {__FORM_INTEGRITY__: 'undefined'},
  plugins: [minifyTemplates()],
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true, // first: tsc adds the declarations after
    sourcemap: true,
    minify: false,
    target: 'es2021',
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        'content/structured-data': 'src/content/structured-data.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//],
      output: {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'},
    },
  },
});
