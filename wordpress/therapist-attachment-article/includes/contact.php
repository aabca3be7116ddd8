<?php
/**
 * The contact form's backend: a REST route that emails a visitor's message to the site.
 *
 * `POST /wp-json/therapist-attachment-article/v1/contact` (or `?rest_route=…` without pretty
 * permalinks), with a JSON, `application/x-www-form-urlencoded` or `multipart/form-data` body:
 * `name`, `email`, `phone` (optional), `message`, `submissionId`, and the honeypot `_gotcha`.
 * Only the body is read: fields in the query string are ignored.
 *
 * The route is always registered (on `rest_api_init`), whether or not any content shows the
 * form: it is how the form works with no set-up, and a route that came and went with the
 * content would answer 404 to a visitor who loaded the page just before it was edited.
 *
 * Answers, as the element understands them, in the order they are checked:
 * - 405: not a real POST (`?_method=POST` on a GET, or an `X-HTTP-Method-Override` header);
 * - 415: a body that is neither JSON nor a form;
 * - 403: sent by a page of another site (its `Origin`, or `Sec-Fetch-Site: cross-site`);
 * - 200 `{"sent": true}`: the honeypot is filled (nothing is sent, and a bot cannot tell);
 * - 400: no valid `submissionId`;
 * - 422 `{"errors": {"email": "…"}, …}`: field errors, shown on the fields;
 * - 200 `{"sent": true}`: the submission id was already sent (a retry never sends twice);
 * - 409: the same submission id is being sent right now (a retry overtook its first attempt);
 * - 429 with `Retry-After`: too many messages from this address, or from everyone this hour;
 * - 500: wp_mail() could not send; otherwise 200 `{"sent": true}`.
 *
 * Nothing of the message is stored: not as a post, an option, a transient or a log line. The
 * only things kept are short-lived counters and marks under keyed hashes, in transients or,
 * where the site has a persistent object cache, in that cache: a hash of the visitor's IP
 * address with a count (for the rate limit, up to 10 minutes), a count of all messages in
 * the current hour (no personal data), and a hash of the submission id (for 24 hours, so a
 * retry is recognised).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The REST namespace of the plugin. */
const THERAPIST_ATTACHMENT_ARTICLE_REST_NAMESPACE = 'therapist-attachment-article/v1';

/** The contact route, inside the namespace. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ROUTE = '/contact';

/** The object cache group of the counters and submission ids, where a persistent cache exists. */
const THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP = 'therapist-attachment-article';

/** How long a sent submission id is remembered, in seconds. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL = DAY_IN_SECONDS;

/**
 * How long a submission id is marked as "being sent": longer than any mail server takes, short
 * enough that a request that died mid-send does not block the visitor's retry for long.
 */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL = 120;

/** Messages per hour from all visitors together, unless filtered. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SITE_LIMIT = 50;

/**
 * Runs on `rest_api_init`, on every request to the REST API: the route always exists.
 */
function therapist_attachment_article_register_contact_route() {
	register_rest_route(
		THERAPIST_ATTACHMENT_ARTICLE_REST_NAMESPACE,
		THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ROUTE,
		array(
			'methods'             => 'POST',
			'callback'            => 'therapist_attachment_article_contact',
			/*
			 * Anyone may write, as with any contact form: the visitors are anonymous. What guards
			 * the route is checked in the callback: a real POST, from a page of this site (its
			 * Origin), the honeypot, the validation, and the rate limits per address and per site.
			 *
			 * No nonce either. WordPress's REST nonce only proves that a logged-in user's cookie
			 * was sent on purpose (CSRF), and an anonymous message has no such cookie to abuse;
			 * a nonce in the page would also go stale in page caches, and the form would then
			 * fail for every visitor served the cached page. A logged-in visitor who posts without
			 * a nonce is simply treated as anonymous by WordPress (rest_cookie_check_errors()).
			 * The Origin check is what keeps other sites' pages from using visitors' browsers to
			 * post here.
			 */
			'permission_callback' => '__return_true',
			// Checked in the callback, so that errors come back as the element's 422 `errors`
			// object rather than WordPress's 400 `rest_invalid_param`.
			'args'                => array(
				'name'         => array( 'description' => __( 'The visitor’s name.', 'therapist-attachment-article' ) ),
				'email'        => array( 'description' => __( 'The visitor’s email address, where replies go.', 'therapist-attachment-article' ) ),
				'phone'        => array( 'description' => __( 'The visitor’s phone number (optional).', 'therapist-attachment-article' ) ),
				'message'      => array( 'description' => __( 'The message.', 'therapist-attachment-article' ) ),
				'submissionId' => array( 'description' => __( 'A random id per message, the same on retries, so a message is never sent twice.', 'therapist-attachment-article' ) ),
				'_gotcha'      => array( 'description' => __( 'Leave empty.', 'therapist-attachment-article' ) ),
			),
		)
	);
}

/**
 * The route's path for the element's `form-action`: relative to the site (so it passes the
 * element's same-origin rule whatever scheme or host name the page was served under), or the
 * full URL when the REST API lives on another host (it must then be https: for the element).
 *
 * @return string
 */
function therapist_attachment_article_contact_url() {
	$url  = rest_url( THERAPIST_ATTACHMENT_ARTICLE_REST_NAMESPACE . THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ROUTE );
	$rest = wp_parse_url( $url );
	$home = wp_parse_url( home_url( '/' ) );
	if ( ! is_array( $rest ) || ! is_array( $home ) ) {
		return $url;
	}
	$same_host = isset( $rest['host'], $home['host'] ) && strtolower( $rest['host'] ) === strtolower( $home['host'] )
		&& ( isset( $rest['port'] ) ? $rest['port'] : null ) === ( isset( $home['port'] ) ? $home['port'] : null );
	return $same_host ? wp_make_link_relative( $url ) : $url;
}

/**
 * The route's callback.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact( $request ) {
	$sent = new WP_REST_Response( array( 'sent' => true ), 200 );

	// 1. Who may post at all: a real POST with a body, from a page of this site.
	$refused = therapist_attachment_article_contact_refusal( $request );
	if ( null !== $refused ) {
		return $refused;
	}
	$body = therapist_attachment_article_contact_body( $request );

	// 2. A bot filled the hidden field: answer as if sent, before anything else could tell it
	// apart (a validation error would), and send nothing.
	$gotcha = isset( $body['_gotcha'] ) ? $body['_gotcha'] : null;
	if ( null !== $gotcha && '' !== ( is_scalar( $gotcha ) ? trim( (string) $gotcha ) : 'filled' ) ) {
		return $sent;
	}

	// 3. The submission id, which the element always sends: without it a retry could not be
	// recognised. Not a field the visitor can fix, hence a plain 400.
	$id      = isset( $body['submissionId'] ) && is_string( $body['submissionId'] ) ? $body['submissionId'] : '';
	$pattern = therapist_attachment_article_facts()['submission_id_pattern'];
	if ( ! therapist_attachment_article_contact_matches( $pattern, $id ) ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_invalid_submission_id',
			__( 'The message has no valid submission id. Please reload the page and try again.', 'therapist-attachment-article' ),
			400
		);
	}

	// 4. The fields.
	$checked = therapist_attachment_article_contact_validate( $body );
	if ( ! empty( $checked['errors'] ) ) {
		return new WP_REST_Response(
			array(
				'code'    => 'therapist_attachment_article_invalid',
				'message' => __( 'Please check the highlighted fields.', 'therapist-attachment-article' ),
				'errors'  => $checked['errors'],
				'data'    => array( 'status' => 422 ),
			),
			422
		);
	}
	$fields                 = $checked['fields'];
	$fields['submissionId'] = $id;

	// 5. A retry of a message already sent (its answer was lost, say) is answered as sent; one
	// that overtook its first attempt is asked to wait. Otherwise the id is now marked as being
	// sent, so that a retry arriving while the mail server is still busy is not sent twice.
	$id_key = therapist_attachment_article_contact_id_key( $id );
	$claim  = therapist_attachment_article_contact_claim( $id_key );
	if ( 'sent' === $claim ) {
		return $sent;
	}
	if ( 'sending' === $claim ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_in_progress',
			__( 'This message is being sent right now. Please wait a moment.', 'therapist-attachment-article' ),
			409,
			5
		);
	}

	// 6. The rate limits, counted only for messages that are about to be sent: per address,
	// then for the whole site.
	$limited = therapist_attachment_article_contact_limits();
	if ( null !== $limited ) {
		therapist_attachment_article_contact_store_delete( $id_key );
		return $limited;
	}

	// 7. Send. The id is forgotten again if sending fails, so a retry can.
	$mailed = therapist_attachment_article_contact_send( $fields, $request );
	if ( ! $mailed ) {
		therapist_attachment_article_contact_store_delete( $id_key );
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_mail_failed',
			__( 'The message could not be sent. Please try again later, or use another way to get in touch.', 'therapist-attachment-article' ),
			500
		);
	}
	therapist_attachment_article_contact_store_set( $id_key, 'sent', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL );
	return $sent;
}

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
 *   and go on to the other checks.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|null The refusal, or null to go on.
 */
function therapist_attachment_article_contact_refusal( $request ) {
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
	if ( ( null !== $origin && ! $own ) || ( 'cross-site' === $site && ! $own ) ) {
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
 * An error answer in WordPress's REST shape: `{code, message, data: {status}}`.
 *
 * @param string   $code        Machine-readable code.
 * @param string   $message     For people.
 * @param int      $status      HTTP status.
 * @param int|null $retry_after Seconds, sent as `Retry-After`.
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact_error( $code, $message, $status, $retry_after = null ) {
	$response = new WP_REST_Response(
		array(
			'code'    => $code,
			'message' => $message,
			'data'    => array( 'status' => $status ),
		),
		$status
	);
	if ( null !== $retry_after ) {
		$response->header( 'Retry-After', (string) max( 1, (int) $retry_after ) );
	}
	return $response;
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

/**
 * The name under which one address's messages are counted (a window number is added to it).
 * An IPv6 visitor commonly holds a whole /64 network, so IPv6 addresses count per /64; IPv4
 * addresses (also when written as IPv6) count one by one. Only a keyed hash is stored, never
 * the address.
 *
 * @param string $ip An IP address ('' or anything else counts as one unknown address).
 * @return string
 */
function therapist_attachment_article_contact_ip_key( $ip ) {
	$bucket = 'unknown';
	if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) ) {
		$bucket = $ip;
	} elseif ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
		$packed = inet_pton( $ip );
		if ( str_repeat( "\0", 10 ) . "\xff\xff" === substr( $packed, 0, 12 ) ) {
			$bucket = inet_ntop( substr( $packed, 12 ) ); // ::ffff:192.0.2.1 is 192.0.2.1.
		} else {
			$bucket = bin2hex( substr( $packed, 0, 8 ) ) . '::/64';
		}
	}
	return 'taa_rate_' . substr( hash_hmac( 'sha256', 'ip ' . $bucket, wp_salt( 'nonce' ) ), 0, 32 );
}

/**
 * The name under which all messages of the site are counted (a window number is added to it).
 *
 * @return string
 */
function therapist_attachment_article_contact_site_key() {
	return 'taa_site';
}

/**
 * The name that remembers a submission id. A keyed hash, like the address.
 *
 * @param string $id The submission id.
 * @return string
 */
function therapist_attachment_article_contact_id_key( $id ) {
	return 'taa_sent_' . substr( hash_hmac( 'sha256', 'id ' . $id, wp_salt( 'nonce' ) ), 0, 32 );
}

/**
 * The rate limit: how many messages one address may send, and in how many seconds.
 *
 * @return array{limit: int, window: int}
 */
function therapist_attachment_article_contact_rate_limit() {
	/**
	 * Filters the contact form's rate limit: `limit` messages per address every `window`
	 * seconds. Default: 5 every 10 minutes. A limit of 0 turns the rate limit off.
	 *
	 * @param array{limit: int, window: int} $rate The limit.
	 */
	$rate = apply_filters(
		'therapist_attachment_article_contact_rate_limit',
		array(
			'limit'  => 5,
			'window' => 10 * MINUTE_IN_SECONDS,
		)
	);
	return array(
		'limit'  => isset( $rate['limit'] ) ? max( 0, (int) $rate['limit'] ) : 5,
		'window' => isset( $rate['window'] ) ? max( 1, (int) $rate['window'] ) : 10 * MINUTE_IN_SECONDS,
	);
}

/**
 * The site's ceiling: how many messages all visitors together may send per hour.
 *
 * @return int 0 when there is none.
 */
function therapist_attachment_article_contact_site_limit() {
	/**
	 * Filters how many messages the contact form may send per hour from all visitors together,
	 * on top of the limit per address: a flood from many addresses stops there. Default: 50.
	 * 0 turns the ceiling off.
	 *
	 * @param int $limit Messages per hour.
	 */
	return max( 0, (int) apply_filters( 'therapist_attachment_article_contact_site_limit', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SITE_LIMIT ) );
}

/*
 * Where the counters and the submission ids live.
 *
 * With a persistent object cache (Redis, Memcached …: wp_using_ext_object_cache()), in the
 * plugin's own cache group, through wp_cache_add() and wp_cache_incr(), which such caches do
 * atomically: two requests at the same instant never both take the last free place, nor both
 * send the same submission. Without one, in transients (the options table), which have no
 * atomic operations: two requests arriving at the same instant may both pass the last free
 * place of a limit, or both send a retried submission.
 */

/**
 * Reads a stored value.
 *
 * @param string $key The name.
 * @return mixed false when absent.
 */
function therapist_attachment_article_contact_store_get( $key ) {
	return wp_using_ext_object_cache() ? wp_cache_get( $key, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP ) : get_transient( $key );
}

/**
 * Stores a value.
 *
 * @param string $key   The name.
 * @param mixed  $value The value.
 * @param int    $ttl   Seconds.
 */
function therapist_attachment_article_contact_store_set( $key, $value, $ttl ) {
	if ( wp_using_ext_object_cache() ) {
		wp_cache_set( $key, $value, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP, max( 1, (int) $ttl ) );
	} else {
		set_transient( $key, $value, max( 1, (int) $ttl ) );
	}
}

/**
 * Forgets a value.
 *
 * @param string $key The name.
 */
function therapist_attachment_article_contact_store_delete( $key ) {
	if ( wp_using_ext_object_cache() ) {
		wp_cache_delete( $key, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP );
	} else {
		delete_transient( $key );
	}
}

/**
 * Marks a submission id as being sent, unless it already is or was.
 *
 * @param string $key The id's name (therapist_attachment_article_contact_id_key()).
 * @return string `claimed` (go ahead), `sending` or `sent`.
 */
function therapist_attachment_article_contact_claim( $key ) {
	if ( wp_using_ext_object_cache() ) {
		if ( wp_cache_add( $key, 'sending', THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP, THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL ) ) {
			return 'claimed';
		}
		return 'sent' === wp_cache_get( $key, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP ) ? 'sent' : 'sending';
	}
	$seen = get_transient( $key );
	if ( 'sent' === $seen || 'sending' === $seen ) {
		return $seen;
	}
	set_transient( $key, 'sending', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL );
	return 'claimed';
}

/**
 * Counts a message in a fixed window (`window` seconds, counted from the Unix epoch: 10:00 to
 * 10:10, 10:10 to 10:20 …), unless the window is full. The window's number is part of the
 * stored name, so a count can never outlive its window, whether or not the store honours
 * expiry times.
 *
 * @param string $name   The counter (therapist_attachment_article_contact_ip_key(), …_site_key()).
 * @param int    $limit  Messages per window; 0 counts nothing and lets everything through.
 * @param int    $window Seconds.
 * @return array{wait: int, key: string|null, left: int} `wait` 0 when counted (go ahead),
 *         with `key` the counter's name and `left` its window's seconds; otherwise `wait` is
 *         the seconds until the window ends.
 */
function therapist_attachment_article_contact_count_in( $name, $limit, $window ) {
	if ( $limit <= 0 ) {
		return array(
			'wait' => 0,
			'key'  => null,
			'left' => 0,
		);
	}
	$now   = time();
	$index = intdiv( $now, $window );
	$left  = max( 1, ( $index + 1 ) * $window - $now );
	$key   = $name . '_' . $index;

	if ( wp_using_ext_object_cache() ) {
		// Atomic: the first request of the window creates the counter, every one adds to it.
		wp_cache_add( $key, 0, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP, $left );
		$count = wp_cache_incr( $key, 1, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP );
		if ( false === $count ) {
			// Evicted between the two calls: this request starts the count again.
			wp_cache_set( $key, 1, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP, $left );
			$count = 1;
		}
		if ( (int) $count > $limit ) {
			wp_cache_decr( $key, 1, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP );
			return array(
				'wait' => $left,
				'key'  => null,
				'left' => $left,
			);
		}
	} else {
		// Not atomic: see above.
		$count = (int) get_transient( $key );
		if ( $count >= $limit ) {
			return array(
				'wait' => $left,
				'key'  => null,
				'left' => $left,
			);
		}
		set_transient( $key, $count + 1, $left );
	}
	return array(
		'wait' => 0,
		'key'  => $key,
		'left' => $left,
	);
}

/**
 * Takes back a message counted by therapist_attachment_article_contact_count_in() that will
 * not be sent after all.
 *
 * @param string $key  The counter's name with its window.
 * @param int    $left Seconds left in the window.
 */
function therapist_attachment_article_contact_uncount( $key, $left ) {
	if ( wp_using_ext_object_cache() ) {
		wp_cache_decr( $key, 1, THERAPIST_ATTACHMENT_ARTICLE_CACHE_GROUP );
		return;
	}
	$count = (int) get_transient( $key );
	if ( $count > 0 ) {
		set_transient( $key, $count - 1, max( 1, (int) $left ) );
	}
}

/**
 * The rate limits, per address and then per site, for a message about to be sent.
 *
 * @return WP_REST_Response|null A 429, or null when the message was counted and may go.
 */
function therapist_attachment_article_contact_limits() {
	$rate    = therapist_attachment_article_contact_rate_limit();
	$address = therapist_attachment_article_contact_count_in(
		therapist_attachment_article_contact_ip_key( therapist_attachment_article_contact_client_ip() ),
		$rate['limit'],
		$rate['window']
	);
	if ( $address['wait'] > 0 ) {
		$minutes = (int) ceil( $address['wait'] / MINUTE_IN_SECONDS );
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_rate_limited',
			sprintf(
				/* translators: %d: number of minutes. */
				_n(
					'Too many messages were sent from your connection. Please try again in %d minute.',
					'Too many messages were sent from your connection. Please try again in %d minutes.',
					$minutes,
					'therapist-attachment-article'
				),
				$minutes
			),
			429,
			$address['wait']
		);
	}

	$site = therapist_attachment_article_contact_count_in( therapist_attachment_article_contact_site_key(), therapist_attachment_article_contact_site_limit(), HOUR_IN_SECONDS );
	if ( $site['wait'] > 0 ) {
		// The address's count was for a message that will not be sent.
		if ( null !== $address['key'] ) {
			therapist_attachment_article_contact_uncount( $address['key'], $address['left'] );
		}
		$minutes = (int) ceil( $site['wait'] / MINUTE_IN_SECONDS );
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_site_rate_limited',
			sprintf(
				/* translators: %d: number of minutes. */
				_n(
					'The contact form has received too many messages this hour. Please try again in %d minute, or use another way to get in touch.',
					'The contact form has received too many messages this hour. Please try again in %d minutes, or use another way to get in touch.',
					$minutes,
					'therapist-attachment-article'
				),
				$minutes
			),
			429,
			$site['wait']
		);
	}
	return null;
}

/**
 * Where messages go: the addresses of Settings → Therapist Attachment Article, or the site's
 * admin email address when none is set; then the filter.
 *
 * @param array<string, string> $fields The visitor's checked fields.
 * @return string|string[]
 */
function therapist_attachment_article_contact_recipient( $fields ) {
	$settings  = function_exists( 'therapist_attachment_article_settings' ) ? therapist_attachment_article_settings() : array( 'recipient' => '' );
	$recipient = '' !== $settings['recipient'] ? $settings['recipient'] : get_option( 'admin_email' );

	/**
	 * Filters who receives the contact form's messages. Default: the addresses set in
	 * Settings → Therapist Attachment Article, or else the site's admin email address
	 * (Settings → General).
	 *
	 * @param string|string[]       $recipient An address, a comma-separated list, or a list.
	 * @param array<string, string> $fields    The visitor's checked fields: name, email, phone, message.
	 */
	return apply_filters( 'therapist_attachment_article_contact_recipient', $recipient, $fields );
}

/**
 * Emails the message to the recipient, as plain text, with Reply-To the visitor. From stays
 * WordPress's own sender: mail "from" the visitor's address would fail the visitor's domain's
 * SPF and DMARC checks and land in spam.
 *
 * @param array<string, string> $fields  The checked fields.
 * @param WP_REST_Request       $request The request (for the page it came from).
 * @return bool Whether wp_mail() accepted the message.
 */
function therapist_attachment_article_contact_send( $fields, $request ) {
	$to = therapist_attachment_article_contact_recipient( $fields );
	if ( empty( $to ) ) {
		return false;
	}

	// The site's title is stored with its HTML entities (`&amp;`); the mail is plain text.
	$site    = wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES );
	$subject = sprintf(
		/* translators: 1: the site's title, 2: the visitor's name. */
		__( '[%1$s] Message from %2$s', 'therapist-attachment-article' ),
		'' === $site ? wp_parse_url( home_url(), PHP_URL_HOST ) : $site,
		$fields['name']
	);

	// The visitor's words as typed: the mail is text/plain, so `<script>` is only text in it.
	$lines = array(
		/* translators: %s: the visitor's name. */
		sprintf( __( 'Name: %s', 'therapist-attachment-article' ), $fields['name'] ),
		/* translators: %s: the visitor's email address. */
		sprintf( __( 'Email: %s', 'therapist-attachment-article' ), $fields['email'] ),
	);
	if ( '' !== $fields['phone'] ) {
		/* translators: %s: the visitor's phone number. */
		$lines[] = sprintf( __( 'Phone: %s', 'therapist-attachment-article' ), $fields['phone'] );
	}
	$lines[] = '';
	$lines[] = __( 'Message:', 'therapist-attachment-article' );
	$lines[] = $fields['message'];
	$lines[] = '';
	$lines[] = '-- ';
	$page    = therapist_attachment_article_contact_page( $request );
	$lines[] = sprintf(
		/* translators: %s: the address of the page the message was sent from (or of the site). */
		__( 'Sent with the contact form of Emily Powell’s article on %s', 'therapist-attachment-article' ),
		'' === $page ? home_url( '/' ) : $page
	);
	$lines[] = __( 'Reply to this email to answer the visitor. The website keeps no copy of this message.', 'therapist-attachment-article' );

	$headers = array(
		// The address alone: a display name could carry a comma, which wp_mail() would read as
		// a second address. The address has passed is_email(), which allows neither commas,
		// spaces nor line breaks.
		'Reply-To: ' . $fields['email'],
		'Content-Type: text/plain; charset=UTF-8',
	);

	// Plain text, even where another plugin switches all mail to HTML.
	$plain = static function () {
		return 'text/plain';
	};
	add_filter( 'wp_mail_content_type', $plain, PHP_INT_MAX );
	$mailed = wp_mail( $to, $subject, implode( "\n", $lines ), $headers );
	remove_filter( 'wp_mail_content_type', $plain, PHP_INT_MAX );

	return (bool) $mailed;
}

/**
 * The page the message was sent from, when the browser said so and it is on this site.
 *
 * @param WP_REST_Request $request The request.
 * @return string A URL, or ''.
 */
function therapist_attachment_article_contact_page( $request ) {
	$referer = (string) $request->get_header( 'referer' );
	if ( '' === $referer || strlen( $referer ) > THERAPIST_ATTACHMENT_ARTICLE_MAX_URL_LENGTH ) {
		return '';
	}
	$page = esc_url_raw( $referer, array( 'http', 'https' ) );
	$host = wp_parse_url( $page, PHP_URL_HOST );
	return ( is_string( $host ) && strtolower( $host ) === strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ) ) ? $page : '';
}

/**
 * Suggests text for the site's privacy policy (Settings → Privacy), as WordPress asks plugins
 * that handle personal data to do. Runs on `admin_init`.
 */
function therapist_attachment_article_privacy_policy() {
	if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
		return;
	}
	wp_add_privacy_policy_content(
		__( 'Therapist Attachment Article', 'therapist-attachment-article' ),
		therapist_attachment_article_privacy_policy_text()
	);
}

/**
 * The suggested privacy policy text, as HTML.
 *
 * @return string
 */
function therapist_attachment_article_privacy_policy_text() {
	return '<p>' . esc_html__( 'When you send a message with the contact form below Emily Powell’s article, your name, email address, phone number (if you give it) and message are emailed to us. The website does not keep them.', 'therapist-attachment-article' ) . '</p>'
		. '<p>' . esc_html__( 'To limit abuse, the website keeps a keyed hash of your IP address (not the address itself) with a count of messages for up to 10 minutes, and a hash of a random id of your message for 24 hours, so that it is never sent twice. It also counts how many messages all visitors together sent in the current hour, which says nothing about you. None of this holds anything you wrote.', 'therapist-attachment-article' ) . '</p>';
}
