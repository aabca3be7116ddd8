// The plugin's contact route, as the element's form-action: a path on the site (the test site
// keeps WordPress's default plain permalinks, hence `?rest_route=`). postContact() sends to it
// from Node, for tests of the route itself, e.g. a wordpress/e2e/contact-route-abuse.test.mjs:
//
//   const site = useSite();
//   it('…', async () => {
//     const answer = await postContact(site, {name: 'A', email: 'a@example.org', message: '…'});
//     assert.equal(answer.status, 200);
//     assert.equal(site.mail.messages.length, 1);
//   });
export const CONTACT_PATH = '/index.php?rest_route=/therapist-attachment-article/v1/contact';

/**
 * POSTs `body` to the site's contact route as JSON or form-encoded (`encoding: 'urlencoded'`),
 * or as a string as it is. Sends `Origin: <the site>` as a browser on one of the site's pages
 * would; `origin: 'https://other.example'` for another site's page, `origin: null` for none
 * (a server, curl). `headers` adds or replaces headers. Returns {status, retryAfter, body
 * (parsed JSON, else text)}.
 */
export async function postContact(
  site,
  body,
  {encoding = 'json', origin = site.origin, headers = {}} = {},
) {
  const response = await fetch(`${site.url}${CONTACT_PATH}`, {
    method: 'POST',
    headers: {
      'Content-Type':
        encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      ...(origin === null ? {} : {Origin: origin}),
      ...headers,
    },
    body:
      typeof body === 'string'
        ? body
        : encoding === 'json'
          ? JSON.stringify(body)
          : new URLSearchParams(body).toString(),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return {status: response.status, retryAfter: response.headers.get('Retry-After'), body: parsed};
}

/**
 * The same from inside a puppeteer `page` of the site, through the page's fetch(), as the
 * element sends it. Returns {status, retryAfter, body}.
 */
export function postFromPage(page, body, encoding = 'json') {
  return page.evaluate(
    async ({action, body, encoding}) => {
      const response = await fetch(action, {
        method: 'POST',
        headers: {
          'Content-Type':
            encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: encoding === 'json' ? JSON.stringify(body) : new URLSearchParams(body),
      });
      return {
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        body: await response.json(),
      };
    },
    {action: CONTACT_PATH, body, encoding},
  );
}
