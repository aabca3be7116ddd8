import type {Plugin} from 'vite';

/**
 * A pretend contact endpoint for demo/contact.html, in the dev server only (`npm start`).
 *
 *   POST /__demo-contact/ok       200 after a short pause
 *   POST /__demo-contact/slow     200 after 4 s (long enough to see “Sending…”)
 *   POST /__demo-contact/invalid  422 {"errors": {"email": "…"}}
 *   POST /__demo-contact/fail     500
 *   POST /__demo-contact/hang     never answers: the form's timeout ends it
 *
 * It prints the path and submission id of what it receives, never the message itself.
 */
export function mockContactEndpoint(): Plugin {
  return {
    name: 'mock-contact-endpoint',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/__demo-contact/', (req, res) => {
        const outcome = (req.url ?? '').replace(/^\/|\?.*$/g, '');
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          const answer = (status: number, json: unknown) => {
            res.writeHead(status, {
              'Content-Type': 'application/json',
              'Cache-Control': 'no-store',
            });
            res.end(JSON.stringify(json));
          };
          if (req.method !== 'POST') return answer(405, {error: 'POST only'});
          let id = '?';
          try {
            id = JSON.parse(body).submissionId;
          } catch {
            id = new URLSearchParams(body).get('submissionId') ?? '?';
          }
          server.config.logger.info(`  mock contact endpoint: ${outcome} ${id}`);
          if (outcome === 'hang') return;
          const pause = outcome === 'slow' ? 4000 : 600;
          setTimeout(() => {
            if (outcome === 'ok' || outcome === 'slow') answer(200, {ok: true});
            else if (outcome === 'invalid') {
              answer(422, {
                errors: {email: 'We couldn’t deliver to this address. Please check it.'},
              });
            } else answer(500, {error: 'Something went wrong on our side.'});
          }, pause);
        });
      });
    },
  };
}
