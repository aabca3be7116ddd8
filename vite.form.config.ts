// The classic drop-in's contact form: dist/therapist-attachment-article.form.js (with its
// source map and its Subresource Integrity hash in .sri). `npm run build` builds it before the
// drop-in, which gets that hash written in (vite.config.ts), so that a drop-in loaded with
// `integrity` loads this file with its own pinned hash.
//
// The file is an IIFE without Lit: it takes the drop-in's Lit functions from the registry
// (src/form-script.ts) and puts the form's code there (both done by `formFile()`). Its templates are minified like the
// drop-in's, so a pre-rendered form hydrates against the same markup.
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vite';
import {
  bannerAndIntegrity,
  formFile,
  formFileEntry,
  minifyTemplates,
} from './scripts/build-plugins.ts';

export default defineConfig({
  plugins: [
    formFile(fileURLToPath(new URL('src/contact-form.ts', import.meta.url))),
    minifyTemplates(),
    bannerAndIntegrity(
      '/*! therapist-attachment-article contact form | MIT License | loaded by therapist-attachment-article.js */',
    ),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2021',
    lib: {
      entry: formFileEntry,
      formats: ['iife'],
      name: 'TherapistAttachmentArticleForm',
      fileName: () => 'therapist-attachment-article.form.js',
    },
  },
});
