// A contact-form endpoint for the tests, served by the test runner's own server (same
// origin as the test pages), and the 'contact-endpoint' server command that reads what it
// received.
//
//   POST /__contact/ok       200 {"ok": true}
//   POST /__contact/invalid  422 {"errors": {"email": "…"}}
//   POST /__contact/error    500
//   POST /__contact/hang     never answers (until the browser gives up and closes)
//   POST /__contact/drop     reads the message, then destroys the connection
//   POST /__contact/answer?status=422&body=…   answers that status with that body (raw text,
//                            sent as application/json whatever it is); with &hang=body, sends
//                            the status and the start of the body, then never finishes it
//
// Every POST is recorded once its body has arrived, with the `run` query parameter, so that
// tests in three engines running at the same time each count only their own messages:
//   executeServerCommand('contact-endpoint', {run})              -> [{path, submissionId, …}]
//   executeServerCommand('contact-endpoint', {run, reset: true})  also forgets them
//   executeServerCommand('contact-endpoint', {note: {…}})        one row of the fault matrix
//   executeServerCommand('contact-endpoint', {urls: true})       every URL the server was asked
//                                                                 for (to check none carries a message)
// The notes are written to test-results/contact-fault-matrix.json when the server stops.
import fs from 'node:fs';

const PATH = /^\/__contact\/(ok|invalid|error|hang|drop|answer)$/;

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const parse = (type, raw) => {
  try {
    return type.startsWith('application/json')
      ? JSON.parse(raw)
      : Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return {unparsed: raw};
  }
};

const send = (res, status, body) => {
  res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
  res.end(JSON.stringify(body));
};

export function contactEndpoint({
  matrixFile = process.env.CONTACT_MATRIX_FILE ?? 'test-results/contact-fault-matrix.json',
} = {}) {
  const received = [];
  const notes = [];
  const urls = [];
  return {
    name: 'contact-endpoint',

    async serve(context) {
      urls.push(context.url);
      const match = PATH.exec(context.path);
      if (!match) return undefined;
      // Answer on the raw response: the dev server's own middleware would force a 200.
      context.respond = false;
      context.status = 204; // what the runner's request log sees (it would report a 404)
      const {req, res} = context;
      if (context.method !== 'POST') return send(res, 405, {error: 'POST only'});
      const type = String(req.headers['content-type'] ?? '');
      const fields = parse(type, await readBody(req));
      const path = match[1];
      received.push({
        path,
        run: context.query.run ?? '',
        submissionId: fields.submissionId,
        contentType: type,
        accept: req.headers.accept,
        fields,
      });
      if (path === 'ok') send(res, 200, {ok: true});
      else if (path === 'invalid') {
        send(res, 422, {errors: {email: 'This address bounced. Please check it.', other: 'x'}});
      } else if (path === 'error') send(res, 500, {error: 'Internal error'});
      else if (path === 'drop') req.socket.destroy();
      else if (path === 'answer') {
        const status = Number(context.query.status) || 200;
        const body = String(context.query.body ?? '');
        res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
        if (context.query.hang === 'body') {
          res.write(body.slice(0, Math.ceil(body.length / 2)) || ' ');
          await new Promise((resolve) => res.once('close', resolve));
        } else res.end(body);
      } else await new Promise((resolve) => res.once('close', resolve)); // hang
      return undefined;
    },

    executeCommand({command, payload, session}) {
      if (command !== 'contact-endpoint') return undefined;
      if (payload?.urls) return urls;
      if (payload?.note) {
        notes.push({engine: session.browser.name, ...payload.note});
        return true;
      }
      const run = String(payload?.run ?? '');
      const mine = received.filter((r) => r.run === run);
      if (payload?.reset) {
        for (const r of mine) received.splice(received.indexOf(r), 1);
      }
      return mine;
    },

    serverStop() {
      if (!notes.length) return;
      fs.mkdirSync(matrixFile.replace(/\/[^/]*$/, ''), {recursive: true});
      fs.writeFileSync(matrixFile, `${JSON.stringify(notes, null, 2)}\n`);
    },
  };
}
