/**
 * The checks of the three addresses an owner types: where the button leads (`cta-href`), the
 * full post (`read-more-href`) and where the form sends messages (`form-action`). Each goes by
 * the element's own rule (`safeUrl`) and adds what a person needs: a message in words, and the
 * address a slip probably meant (“Did you mean https://calendly.com/you?”).
 */
import {URL_SCHEMES, safeUrl} from '../src/safe-url.js';

const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const names = URL_SCHEMES.map((s) => `${s}:`);
/** “an https:, http:, mailto: or tel: address”, from the element's own list. */
const schemes = `an ${names.slice(0, -1).join(', ')} or ${names.at(-1)} address`;

/** A page of an owner's site, to show where a path leads. */
export const EXAMPLE_PAGE = 'https://your-site.example/blog/post';
// Extensions of files on one's own site: `contact.html` is a path, not a domain.
const FILE_EXTENSIONS = new Set(
  'html htm xhtml shtml php asp aspx jsp cgi pl py txt md pdf json xml'.split(' '),
);
const DOMAIN =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,63})(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;
const EMAIL = /^[^\s@/:?#<>"]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i;
const PHONE = /^\+?[\d\s().-]+$/;

/** What an owner typed that is neither a path nor a whole address, and what it means. */
type Guess = {kind: 'domain' | 'email' | 'phone'; suggestion: string};

/**
 * A bare domain (`calendly.com/you`), an email address or a phone number, which would
 * otherwise be taken silently as a path on the owner's own site.
 */
function guess(value: string): Guess | undefined {
  if (SCHEME.test(value) || /^[/.?#]/.test(value)) return undefined;
  if (EMAIL.test(value)) return {kind: 'email', suggestion: `mailto:${value}`};
  if (PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7) {
    const number = value
      .replace(/[\s().]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '')
      .replace(/^\+-/, '+');
    return {kind: 'phone', suggestion: `tel:${number}`};
  }
  const tld = DOMAIN.exec(value)?.[1]?.toLowerCase();
  if (tld && !FILE_EXTENSIONS.has(tld)) return {kind: 'domain', suggestion: `https://${value}`};
  return undefined;
}

/**
 * An address that only looks like a path: a `\` anywhere (browsers read it as `/`, so
 * `/\evil.example/x` is another host) or a leading `//` (another host, whatever the page's
 * scheme). The message names the host it would really reach.
 */
function disguisedAddress(value: string): string | undefined {
  const backslash = value.includes('\\');
  if (!backslash && !value.startsWith('//')) return undefined;
  let host = '';
  try {
    const url = new URL(value.replace(/\\/g, '/'), EXAMPLE_PAGE);
    if (url.host !== new URL(EXAMPLE_PAGE).host) host = url.host;
  } catch {
    // unparsable: the message below needs no host
  }
  const elsewhere = host ? `another site (${host})` : 'somewhere other than it looks';
  return backslash
    ? `An address cannot contain “\\”: browsers read it as “/”, so this one would lead to ${elsewhere}. Write the whole address (https://…), or a path with “/” only, such as /contact.`
    : `An address that starts with “//” leads to ${elsewhere}, not to a page of your site. Write the whole address (https://…) if that is where you mean, or a path that starts with a single “/”, such as /contact.`;
}

/** The message for what an owner typed that `guess` recognised, for the button's link. */
function linkGuessError(value: string, g: Guess): string {
  return `“${value}” would be read as a page of your own site. Did you mean ${g.suggestion}? For a page of your site, start it with “/”.`;
}

/** The same for the form's address: messages go only to https: or the site itself. */
function actionGuessError(value: string, g: Guess): string {
  if (g.kind === 'email') {
    return `A form cannot send messages straight to an email address. Enter your form service’s https:// address (Formspree, Basin and others forward messages to ${value}), or the WordPress plugin’s route.`;
  }
  if (g.kind === 'phone') {
    return 'A phone number cannot receive the form’s messages: enter your form service’s https:// address or a path on your own site.';
  }
  return `“${value}” would be read as a path on your own site. Did you mean ${g.suggestion}? For a path on your site, start it with “/”.`;
}

/** Where the form will actually send messages, for “Messages will be sent to …”. */
export interface FormTarget {
  /** The absolute URL; for a path, as resolved on a page at `EXAMPLE_PAGE`. */
  readonly href: string;
  /** `absolute`: a whole address; `site`: a path from the site's root; `page`: relative. */
  readonly kind: 'absolute' | 'site' | 'page';
  /** The host it names (for an absolute address). */
  readonly host: string;
}

/** Where a valid form address sends messages. */
function formTarget(value: string): FormTarget {
  const url = new URL(value, EXAMPLE_PAGE);
  const kind = SCHEME.test(value) ? 'absolute' : value.startsWith('/') ? 'site' : 'page';
  return {href: url.href, kind, host: url.host};
}

/** The message for a link the element refuses, naming what is wrong where it can. */
function linkError(value: string): string {
  if (value.trim() === '') {
    return 'Enter where the button leads: a web address, a path such as /contact, #contact, mailto: or tel:.';
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme && !(URL_SCHEMES as readonly string[]).includes(scheme)) {
    return `The article refuses “${scheme}:” addresses, which can run code or hide what they open. Use ${schemes}, a path on your site (/contact) or a section of the page (#contact).`;
  }
  return `This is not an address the article can link to. Use ${schemes}, a path on your site (/contact) or a section of the page (#contact).`;
}

function actionError(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return 'Enter where messages are sent: an https:// address from your form service, or a path on your own site such as /wp-json/therapist-attachment-article/v1/contact.';
  }
  const disguised = disguisedAddress(trimmed);
  if (disguised) return disguised;
  if (trimmed.startsWith('#')) {
    return 'A section of the page cannot receive messages: enter an https:// address or a path on your own site.';
  }
  // The element accepts http: only for the page's own origin, which is not known here: a
  // visitor's message must not cross the network readable, so ask for https: or a path.
  if (/^http:/i.test(trimmed)) {
    return 'Messages must travel encrypted: use an https:// address (or a path on your own site, such as /contact).';
  }
  if (safeUrl(trimmed, document.baseURI, true) === null) {
    const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
    return scheme && scheme !== 'https'
      ? `The form sends messages only to https:// addresses or your own site, never to “${scheme}:”.`
      : 'This is not an address the form can send messages to (an address with a user name or password in it is refused too).';
  }
  return undefined;
}

/**
 * The message for a full post's address: one the element refuses (it would keep the button),
 * or one that is not a whole web address, which search engines need to credit the full post.
 */
function readMoreError(value: string, safe: string | undefined): string | undefined {
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (safe === undefined && scheme && !(URL_SCHEMES as readonly string[]).includes(scheme)) {
    return `Full post’s URL: the article refuses “${scheme}:” addresses, which can run code or hide what they open. Enter the post’s https:// address; until then “Continue reading” opens the rest in place.`;
  }
  if (safe === undefined || !/^https?:\/\/[^/]/i.test(safe)) {
    return 'Full post’s URL: enter the whole address of the post, such as https://your-site.example/blog/attached (search engines need it to credit the full post). Until then “Continue reading” opens the rest in place.';
  }
  return undefined;
}

/** What the check of one address found. */
export interface AddressCheck {
  /** The address to use, when it is accepted. */
  readonly value?: string;
  /** Why it is not, in words. */
  readonly error?: string;
  /** The address it probably meant, which the owner accepts in one click. */
  readonly suggestion?: string;
}

/** Where the button leads: a link the element accepts, that is not a disguised or bare one. */
export function checkLink(typed: string): AddressCheck {
  const value = typed.trim();
  const disguised = disguisedAddress(value);
  if (disguised) return {error: disguised};
  const g = guess(value);
  if (g) return {error: linkGuessError(value, g), suggestion: g.suggestion};
  const safe = safeUrl(typed);
  return safe === null ? {error: linkError(typed)} : {value: safe};
}

/** The full post's address: a whole web address (`''`: none, the rest opens in place). */
export function checkReadMore(typed: string): AddressCheck {
  const value = typed.trim();
  if (value === '') return {};
  const safe = safeUrl(typed) ?? undefined;
  const g = guess(value);
  const disguised = disguisedAddress(value);
  if (disguised) return {error: disguised};
  if (g?.kind === 'domain') {
    return {
      error: `Full post’s URL: did you mean ${g.suggestion}? The whole address is needed, with https://.`,
      suggestion: g.suggestion,
    };
  }
  const error = readMoreError(typed, safe);
  return error ? {error} : {value: safe!};
}

/** The form's address, with where it sends messages once accepted. */
export interface ActionCheck extends AddressCheck {
  readonly target?: FormTarget;
  /** It came from a shared link and waits for the owner's confirmation. */
  readonly fromLink?: boolean;
  /** Nothing typed yet: not an error until the owner has typed in the field. */
  readonly waiting?: boolean;
}

export interface ActionOptions {
  /** The address as a shared link brought it, not yet confirmed by the owner. */
  readonly unconfirmed?: string | undefined;
  /** The owner has typed in the field (before that, an empty field is no error). */
  readonly touched?: boolean;
}

export function checkAction(typed: string, options: ActionOptions = {}): ActionCheck {
  const value = typed.trim();
  if (value === '' && !options.touched) return {waiting: true};
  const error = actionError(typed);
  if (error) return {error};
  const g = guess(value);
  if (g) {
    return {
      error: actionGuessError(value, g),
      ...(g.kind === 'domain' ? {suggestion: g.suggestion} : {}),
    };
  }
  const target = formTarget(value);
  if (options.unconfirmed !== undefined && typed === options.unconfirmed) {
    return {
      target,
      fromLink: true,
      error:
        'This address came from the link you opened: check it is yours. Until you confirm it, the preview and the code leave it out.',
    };
  }
  return {value, target};
}
