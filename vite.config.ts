import {existsSync, readFileSync} from 'node:fs';
import {defineConfig, type Plugin} from 'vite';
import {bannerAndIntegrity, minifyTemplates} from './scripts/build-plugins.ts';
import {configuratorDataPlugin} from './scripts/configurator-data.mjs';

const pkg = {name: 'therapist-attachment-article', file: 'therapist-attachment-article.js'};

/**
 * `npm start` opens on the configurator (site/): `/` redirects there and its address is
 * printed. The page loads the element as the built drop-in; here that file is a one-line
 * script importing the sources, so edits show at once.
 */
function demoHome(): Plugin {
  return {
    name: 'demo-home',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/site/');
          res.end();
          return;
        }
        if (req.url?.split('?')[0] === `/site/${pkg.file}`) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end("import('/src/drop-in.ts');\n");
          return;
        }
        // site/public/ is the configurator's own public folder in its build (scripts/build-site.mjs).
        if (req.url?.split('?')[0] === '/site/opened-from-disk.js') {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync('site/public/opened-from-disk.js'));
          return;
        }
        // The download links: the files of the last `npm run build` (dist/site/).
        const download = /^\/site\/(therapist-attachment-article[\w.-]*\.(?:zip|sri))$/.exec(
          req.url?.split('?')[0] ?? '',
        )?.[1];
        if (download) {
          const built = `dist/site/${download}`;
          res.statusCode = existsSync(built) ? 200 : 404;
          res.end(existsSync(built) ? readFileSync(built) : 'Run npm run build first.\n');
          return;
        }
        next();
      });
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const url = server.resolvedUrls?.local[0];
          if (url)
            server.config.logger.info(`\n  Make your code: ${url}site/\n  Demo: ${url}demo/\n`);
        }, 0);
      });
    },
  };
}

// The form file's hash, pinned in the drop-in (vite.form.config.ts builds that file first). In
// the drop-in's build only: it is what makes src/form-loader.ts add the form file (an IIFE
// cannot split) instead of importing the form. The dev server imports it.
const formSri = 'dist/therapist-attachment-article.form.js.sri';
const formIntegrity = existsSync(formSri) ? readFileSync(formSri, 'utf8').trim() : '';

export default defineConfig(async ({command}) => ({
  define: command === 'build' ? {__FORM_INTEGRITY__: JSON.stringify(formIntegrity)} : {},
  plugins: [
    demoHome(),
    configuratorDataPlugin(), // site/: virtual:configurator-data
    (await import('./demo/mock-endpoint.ts')).mockContactEndpoint(), // demo/contact.html
    minifyTemplates(),
    bannerAndIntegrity(
      `/*! ${pkg.name} | MIT License | Article text © Emily Powell, LMHC, LPC` +
        ` | Includes Lit, © Google LLC, BSD-3-Clause */`,
    ),
  ],
  server: {port: 5173},
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2021',
    lib: {
      entry: 'src/drop-in.ts',
      name: 'TherapistAttachmentArticle',
      formats: ['iife'],
      fileName: () => pkg.file,
    },
  },
}));
