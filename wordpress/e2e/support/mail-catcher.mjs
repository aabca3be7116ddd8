// The mail side of the end-to-end tests: a minimal SMTP server on 127.0.0.1 that keeps every
// message it is given, and the test-only mu-plugin that points WordPress's PHPMailer at it.
// site.mjs writes the mu-plugin into its temporary site; it is never part of the plugin's zip.
import {createServer} from 'node:net';

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as PHPMailer writes long or non-ASCII headers. */
function decodeWords(value) {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, charset, encoding, text) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replaceAll('_', ' ')
                .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}

/** A message as received: envelope, headers (lower-case names, decoded) and body. */
function parseMessage({from, to, data}) {
  const split = data.indexOf('\r\n\r\n');
  const head = split === -1 ? data : data.slice(0, split);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(decodeWords(line.slice(colon + 1).trim()));
  }
  const body = split === -1 ? '' : data.slice(split + 4).replaceAll('\r\n', '\n');
  return {from, to, headers, body};
}

/**
 * Starts the catcher on a free port of 127.0.0.1: {port, messages, close()}; `messages` fills
 * as mail arrives ({from, to, headers, body}).
 */
export function startMailCatcher() {
  const messages = [];
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let lines = null; // the message's lines, during DATA
    let envelope = {from: null, to: []};
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 127.0.0.1 test mail catcher');
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let end; (end = buffer.indexOf('\r\n')) !== -1;) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (lines) {
          if (line === '.') {
            messages.push(parseMessage({...envelope, data: lines.join('\r\n')}));
            [lines, envelope] = [null, {from: null, to: []}];
            reply('250 2.0.0 Kept');
          } else {
            lines.push(line.startsWith('.') ? line.slice(1) : line); // dot-stuffing
          }
          continue;
        }
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        switch (line.slice(0, 4).toUpperCase()) {
          case 'EHLO':
          case 'HELO':
            reply('250 127.0.0.1');
            break;
          case 'MAIL':
            envelope = {from: address, to: []};
            reply('250 2.1.0 OK');
            break;
          case 'RCPT':
            envelope.to.push(address);
            reply('250 2.1.5 OK');
            break;
          case 'DATA':
            lines = [];
            reply('354 End data with <CR><LF>.<CR><LF>');
            break;
          case 'RSET':
            envelope = {from: null, to: []};
            reply('250 2.0.0 OK');
            break;
          case 'NOOP':
            reply('250 2.0.0 OK');
            break;
          case 'QUIT':
            reply('221 2.0.0 Bye');
            socket.end();
            break;
          default:
            reply('502 5.5.2 Not implemented');
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        messages,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      }),
    );
  });
}

/** Test-only mu-plugin: WordPress's mail goes to the catcher. Never part of the plugin's zip. */
export const mailMuPlugin = (port) => `<?php
/**
 * Written by wordpress/e2e/support/site.mjs into its temporary WordPress; not part of the plugin.
 * WordPress's mail (wp_mail(), PHPMailer) goes by SMTP to the test's mail catcher.
 */
add_action(
	'phpmailer_init',
	static function ( $phpmailer ) {
		$phpmailer->isSMTP();
		$phpmailer->Host        = '127.0.0.1';
		$phpmailer->Port        = ${port};
		$phpmailer->SMTPAuth    = false;
		$phpmailer->SMTPAutoTLS = false;
		$phpmailer->Timeout     = 10;
	}
);
add_action(
	'wp_mail_failed',
	static function ( $error ) {
		error_log( 'taa-e2e: wp_mail failed: ' . $error->get_error_message() );
	}
);
`;
