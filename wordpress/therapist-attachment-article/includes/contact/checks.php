<?php
/**
 * The contact route's checks: who may post (a real POST, a JSON or form body, from a page of
 * this site), and whether the fields are what the element itself would send.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * Refuses what no visitor's browser sends from a page of this site, before anything is read.
 *
 * - 405 unless the request really is a POST. WordPress turns a GET into a POST when it carries
 *   `?_method=POST` or an `X-HTTP-Method-Override: POST` header; a link or an image on another
 *   site could otherwise make visitors' browsers send messages. The element never sends either.
 * - 415 unless the body is JSON or a form (`application/x-www-form-urlencoded`,
 *   `multipart/form-data`). `text/plain` in particular is refused: it is what other pages
 *   use to post across sites without the browser asking this site first.
 * - 403 when a browser says the page that sent it belongs to another site: an `Origin` that is
 *   not this site's (`Origin: null` included), or `Sec-Fetch-Site: cross-site` without an
 *   allowed `Origin`. Requests without either header (a server, curl) cannot be told apart
 *   and go on to the other checks; but a plain form post (a browser's navigation) must show
 *   that it comes from this site: by its `Origin`, or, in a browser that sends none, by a
 *   `Referer` on this site.
 *
 * @param WP_REST_Request $request The request.
 * @param bool            $plain   Whether it is a plain form post.
 * @return WP_REST_Response|null The refusal, or null to go on.
 */
function therapist_attachment_article_contact_refusal( $request, $plain = false ) {
	$method   = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'POST';
	$query    = $request->get_query_params();
	$override = $request->get_header( 'x_http_method_override' );
	if ( 'POST' !== $method || 'POST' !== strtoupper( $request->get_method() ) || isset( $query['_method'] ) || null !== $override ) {
		$response = therapist_attachment_article_contact_error(
			'therapist_attachment_article_method_not_allowed',
			__( 'Messages must be sent with POST.', 'therapist-attachment-article' ),
			405
		);
		$response->header( 'Allow', 'POST' );
		return $response;
	}

	if ( null === therapist_attachment_article_contact_body_kind( $request ) ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_unsupported_media_type',
			__( 'Messages must be sent as JSON or as a form.', 'therapist-attachment-article' ),
			415
		);
	}

	$origin = $request->get_header( 'origin' );
	$site   = strtolower( trim( (string) $request->get_header( 'sec_fetch_site' ) ) );
	$own    = null !== $origin && in_array( therapist_attachment_article_origin( $origin ), therapist_attachment_article_contact_allowed_origins(), true );
	$unknown = $plain && null === $origin
		&& ! in_array( therapist_attachment_article_origin( (string) $request->get_header( 'referer' ) ), therapist_attachment_article_contact_allowed_origins(), true );
	if ( ( null !== $origin && ! $own ) || ( 'cross-site' === $site && ! $own ) || $unknown ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_forbidden_origin',
			__( 'Messages can only be sent from this website’s own pages.', 'therapist-attachment-article' ),
			403
		);
	}
	return null;
}

/**
 * What the body is: `json`, `form`, or null for anything else (no Content-Type included).
 *
 * @param WP_REST_Request $request The request.
 * @return string|null
 */
function therapist_attachment_article_contact_body_kind( $request ) {
	if ( $request->is_json_content_type() ) {
		return 'json';
	}
	$type = $request->get_content_type();
	if ( isset( $type['value'] ) && in_array( $type['value'], array( 'application/x-www-form-urlencoded', 'multipart/form-data' ), true ) ) {
		return 'form';
	}
	return null;
}

/**
 * The fields of the body, and only of the body: parameters in the query string, which any link
 * can carry, are never read.
 *
 * @param WP_REST_Request $request The request, whose body is JSON or a form.
 * @return array<string, mixed>
 */
function therapist_attachment_article_contact_body( $request ) {
	$body = 'json' === therapist_attachment_article_contact_body_kind( $request ) ? $request->get_json_params() : $request->get_body_params();
	return is_array( $body ) ? $body : array();
}

/**
 * An origin as browsers write it in the `Origin` header: `scheme://host[:port]`, lowercase,
 * without the scheme's default port.
 *
 * @param string $url A URL or an origin.
 * @return string The origin, or '' when it has none (`null`, a path, another scheme).
 */
function therapist_attachment_article_origin( $url ) {
	$parts = wp_parse_url( trim( (string) $url ) );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) ) {
		return '';
	}
	$port = isset( $parts['port'] ) ? (int) $parts['port'] : null;
	if ( ( 'http' === $scheme && 80 === $port ) || ( 'https' === $scheme && 443 === $port ) ) {
		$port = null;
	}
	return $scheme . '://' . strtolower( $parts['host'] ) . ( null === $port ? '' : ':' . $port );
}

/**
 * The origins whose pages may post messages: the site's (home_url()) and, when different, that
 * of WordPress's own address (site_url()), plus any the filter adds.
 *
 * @return string[]
 */
function therapist_attachment_article_contact_allowed_origins() {
	// site_url() without a scheme follows the current request's; the stored one is the site's.
	$site    = site_url( '/', wp_parse_url( (string) get_option( 'siteurl' ), PHP_URL_SCHEME ) );
	$origins = array_values( array_unique( array_filter( array( therapist_attachment_article_origin( home_url( '/' ) ), therapist_attachment_article_origin( $site ) ) ) ) );

	/**
	 * Filters the origins (`https://example.com`, scheme, host and port) whose pages may send
	 * messages through the contact form's route. Default: the site's address (home_url()) and
	 * WordPress's address (site_url()) when it differs. A site also served under other host
	 * names (`www.` and without, a second domain) adds them here; the pages of every other
	 * origin are refused with a 403.
	 *
	 * @param string[] $origins The allowed origins.
	 */
	$filtered = apply_filters( 'therapist_attachment_article_contact_allowed_origins', $origins );
	$allowed  = array();
	foreach ( (array) $filtered as $origin ) {
		$origin = is_string( $origin ) ? therapist_attachment_article_origin( $origin ) : '';
		if ( '' !== $origin ) {
			$allowed[] = $origin;
		}
	}
	return array_values( array_unique( $allowed ) );
}

/**
 * Whether a value matches the whole of an HTML `pattern` (the element's own, generated into
 * therapist_attachment_article_facts()).
 *
 * @param string $pattern The pattern's source, unanchored, as in HTML.
 * @param string $value   Valid UTF-8 or not.
 * @return bool
 */
function therapist_attachment_article_contact_matches( $pattern, $value ) {
	// Anchored as HTML anchors it; `D` so that `$` does not also match before a final newline.
	return 1 === preg_match( '/^(?:' . str_replace( '/', '\/', $pattern ) . ')$/Du', (string) $value );
}

/**
 * Reads and checks the fields, with the element's own rules (therapist_attachment_article_facts())
 * and error messages (therapist_attachment_article_form_strings()).
 *
 * The text is validated, never rewritten: the message reaches the practice exactly as the
 * visitor typed it, `<`, `%` and all, since the mail is plain text and nothing is shown in a
 * page. Only control characters are taken out (other than line feeds and tabs; `\r` too, so
 * CRLF line ends become LF). The name is one line: its line breaks and tabs become spaces,
 * its other control characters are removed, and the spaces around it are trimmed. Text that
 * is not valid UTF-8 is refused.
 *
 * Fields that must be right are refused rather than repaired: sanitize_email() would turn
 * `a@b.c\nBcc: x@y.z` into another, valid-looking address, so an email address is accepted
 * only when sanitizing leaves it unchanged.
 *
 * @param array<string, mixed> $body The body's fields.
 * @return array{fields: array<string, string>, errors: array<string, string>}
 */
function therapist_attachment_article_contact_validate( $body ) {
	$facts   = therapist_attachment_article_facts()['fields'];
	$strings = therapist_attachment_article_form_strings();
	$errors  = array();
	$fields  = array();

	foreach ( $facts as $name => $spec ) {
		$raw   = therapist_attachment_article_contact_raw( isset( $body[ $name ] ) ? $body[ $name ] : null );
		$limit = (int) $spec['max_length'];
		$error = $strings[ $name . 'Error' ];
		// Beyond 4 bytes a character (and a CR per line), it is too long whatever it holds.
		if ( null !== $raw && strlen( $raw ) > 5 * $limit ) {
			$errors[ $name ] = str_replace( '{max}', number_format_i18n( $limit ), $strings['tooLong'] );
			continue;
		}
		$value = null === $raw ? null : therapist_attachment_article_contact_clean( $raw, $name, ! empty( $spec['multiline'] ) );
		if ( null === $value ) {
			// Not text (a list, an object, a boolean), or not valid UTF-8.
			$errors[ $name ] = $error;
			continue;
		}
		if ( therapist_attachment_article_contact_length( $value ) > $limit ) {
			$errors[ $name ] = str_replace( '{max}', number_format_i18n( $limit ), $strings['tooLong'] );
			continue;
		}
		$blank = '' === preg_replace( '/^[\s\p{Z}\x{FEFF}]+|[\s\p{Z}\x{FEFF}]+$/u', '', $value );
		if ( $blank ) {
			if ( ! empty( $spec['required'] ) ) {
				$errors[ $name ] = $error;
			} else {
				$fields[ $name ] = '';
			}
			continue;
		}
		if ( 'email' === $spec['type'] && ( ! is_email( $value ) || sanitize_email( $value ) !== $value ) ) {
			$errors[ $name ] = $error;
			continue;
		}
		if ( null !== $spec['pattern'] && ! therapist_attachment_article_contact_matches( $spec['pattern'], $value ) ) {
			$errors[ $name ] = $error;
			continue;
		}
		$fields[ $name ] = $value;
	}

	return $errors
		? array(
			'fields' => array(),
			'errors' => $errors,
		)
		: array(
			'fields' => $fields,
			'errors' => array(),
		);
}

/**
 * A parameter as text: '' when absent; numbers (JSON) as written; null for lists, objects and
 * booleans, which are not text.
 *
 * @param mixed $value The parameter.
 * @return string|null
 */
function therapist_attachment_article_contact_raw( $value ) {
	if ( null === $value ) {
		return '';
	}
	return ( is_string( $value ) || is_int( $value ) || is_float( $value ) ) ? (string) $value : null;
}

/**
 * A field's text as it will be mailed: control characters out, nothing else changed (see
 * therapist_attachment_article_contact_validate()).
 *
 * @param string $raw       The text as sent.
 * @param string $name      The field's name.
 * @param bool   $multiline Whether line breaks belong in it.
 * @return string|null The text, or null when it is not valid UTF-8.
 */
function therapist_attachment_article_contact_clean( $raw, $name, $multiline ) {
	if ( 1 !== preg_match( '//u', $raw ) ) {
		return null;
	}
	if ( $multiline ) {
		// Every control character except tab and line feed; CR included, so CRLF becomes LF.
		return preg_replace( '/[^\P{Cc}\t\n]/u', '', $raw );
	}
	if ( 'name' === $name ) {
		// One line: a line break or a tab becomes a space, the other controls go, and so do
		// the spaces around the name.
		$line = preg_replace( '/\r\n|[\r\n\t\x{0B}\x{0C}\x{85}\x{2028}\x{2029}]/u', ' ', $raw );
		return trim( preg_replace( '/\p{Cc}/u', '', $line ), " \t" );
	}
	// Email and phone: checked as they are (a line break makes them invalid), apart from the
	// spaces around an email address, which browsers take off too.
	return 'email' === $name ? trim( $raw ) : $raw;
}

/**
 * Length in characters (Unicode code points, as the element counts them).
 *
 * @param string $text Valid UTF-8.
 * @return int
 */
function therapist_attachment_article_contact_length( $text ) {
	return function_exists( 'mb_strlen' ) ? mb_strlen( $text, 'UTF-8' ) : (int) preg_match_all( '/./us', $text );
}

/**
 * The visitor's address, as the rate limit sees it.
 *
 * Only REMOTE_ADDR, which the visitor cannot forge: X-Forwarded-For and its kind are whatever
 * the client writes, unless a proxy the site trusts sets them. Behind such a proxy (a CDN, a
 * load balancer) REMOTE_ADDR is the proxy's, and every visitor would share one limit: the
 * filter is where such a site hands over the address its proxy reports.
 *
 * @return string
 */
function therapist_attachment_article_contact_client_ip() {
	$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';

	/**
	 * Filters the visitor's IP address used by the contact form's rate limit.
	 *
	 * Behind a reverse proxy or CDN, return the client address the proxy reports, and only
	 * when every request really passes through that proxy.
	 *
	 * @param string $ip REMOTE_ADDR.
	 */
	return (string) apply_filters( 'therapist_attachment_article_contact_client_ip', $ip );
}
