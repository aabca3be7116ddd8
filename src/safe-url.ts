/**
 * The one place that decides which URLs the element may render.
 *
 * Allowed: `https:`, `http:`, `mailto:`, `tel:` URLs, paths relative to the page and
 * fragments. Everything else — `javascript:`, `data:`, `vbscript:`, `blob:`, `file:`, any other
 * scheme, values with control characters inside (which browsers strip, so `java\tscript:` would
 * run) and values the URL parser rejects — is refused. Control characters and spaces at the ends
 * are dropped, as the URL parser drops them; no other white space is. Where a form sends a
 * visitor's message, the rule is stricter still (see `form` below).
 */
/** The schemes a link may use (plus relative paths and fragments). */
export const URL_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;
const SAFE_SCHEMES = new Set<string>(URL_SCHEMES.map((scheme) => `${scheme}:`));
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// What the URL parser strips at the ends: C0 controls and space, and nothing else. Not trim(),
// which strips U+00A0, U+3000, U+FEFF… too: the browser keeps those, so `\u00a0//host` is a
// path here as it is to the browser (and to the WordPress plugin), never another host.
// eslint-disable-next-line no-control-regex
const ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Returns the URL as it should be rendered, or `null` when it is unsafe or malformed.
 * @param value the author's value, untrusted
 * @param base what relative URLs resolve against (the page's base URL)
 * @param form stricter, for where a visitor's message is sent: only `https:`, or this page's
 * own origin (a relative path, or an `http:` URL of the same origin); never a fragment or a
 * URL with credentials. Returns the resolved absolute URL.
 */
export function safeUrl(
  value: string,
  base: string = document.baseURI,
  form = false,
): string | null {
  const url = value.replace(ENDS, '');
  if (url === '' || CONTROL.test(url)) return null;
  // A fragment stays on the page whatever the base is (even about:blank in an iframe).
  if (url.startsWith('#')) return form ? null : url;
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme !== undefined && !SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`)) return null;
  try {
    const parsed = new URL(url, base);
    // A relative value can still resolve to another scheme only through the base; keep the
    // check on the resolved URL so a hostile <base href="javascript:…"> cannot slip through.
    if (!SAFE_SCHEMES.has(parsed.protocol)) return null;
    if (form) {
      const sameOrigin = parsed.origin === location.origin;
      if ((parsed.protocol !== 'https:' && !sameOrigin) || parsed.username || parsed.password) {
        return null;
      }
      return parsed.href;
    }
  } catch {
    return null;
  }
  return url;
}
