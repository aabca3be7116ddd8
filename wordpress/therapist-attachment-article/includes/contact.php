<?php
/**
 * The contact form's backend: a REST route that emails a visitor's message to the site's admin.
 *
 * `POST /wp-json/therapist-attachment-article/v1/contact` (or `?rest_route=…` without pretty
 * permalinks), with a JSON or `application/x-www-form-urlencoded` body:
 * `name`, `email`, `phone` (optional), `message`, `submissionId`, and the honeypot `_gotcha`.
 *
 * Answers, as the element understands them:
 * - 200 `{"sent": true}`: sent; also when the honeypot is filled (nothing is sent, and a bot
 *   cannot tell) and when the submission id was already sent (a retry never sends twice);
 * - 422 `{"errors": {"email": "…"}, …}`: field errors, shown on the fields;
 * - 409: the same submission id is being sent right now (a retry overtook its first attempt);
 * - 429 with `Retry-After`: too many messages from this address;
 * - 500: wp_mail() could not send.
 *
 * Nothing of the message is stored: not as a post, an option, a transient or a log line. The
 * only things kept are two short-lived transients holding keyed hashes: one of the visitor's
 * IP address (a counter, for the rate limit) and one of the submission id (for 24 hours, so a
 * retry is recognised).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The REST namespace of the plugin. */
const THERAPIST_ATTACHMENT_ARTICLE_REST_NAMESPACE = 'therapist-attachment-article/v1';

/** The contact route, inside the namespace. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ROUTE = '/contact';

/** Longest accepted values, in characters. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_LIMITS = array(
	'name'    => 200,
	'email'   => 254, // The longest address SMTP can carry (RFC 5321).
	'phone'   => 40,
	'message' => 5000,
);

/** How long a sent submission id is remembered, in seconds. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL = DAY_IN_SECONDS;

/**
 * How long a submission id is marked as "being sent": longer than any mail server takes, short
 * enough that a request that died mid-send does not block the visitor's retry for long.
 */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL = 120;

/**
 * Runs on `rest_api_init`.
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
			 * the route is the validation, the honeypot and the per-address rate limit below.
			 *
			 * No nonce either. WordPress's REST nonce only proves that a logged-in user's cookie
			 * was sent on purpose (CSRF), and an anonymous message has no such cookie to abuse;
			 * a nonce in the page would also go stale in page caches, and the form would then
			 * fail for every visitor served the cached page. A logged-in visitor who posts without
			 * a nonce is simply treated as anonymous by WordPress (rest_cookie_check_errors()).
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
 * @param WP_REST_Request $request The request; JSON and form-encoded bodies alike.
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact( $request ) {
	$sent = new WP_REST_Response( array( 'sent' => true ), 200 );

	// 1. A bot filled the hidden field: answer as if sent, before anything else could tell it
	// apart (a validation error would), and send nothing.
	$gotcha = $request->get_param( '_gotcha' );
	if ( null !== $gotcha && '' !== ( is_scalar( $gotcha ) ? trim( (string) $gotcha ) : 'filled' ) ) {
		return $sent;
	}

	// 2. The fields.
	$checked = therapist_attachment_article_contact_validate( $request );
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
	$fields = $checked['fields'];

	// 3. A retry of a message already sent (its answer was lost, say) is answered as sent.
	$id_key = '' === $fields['submissionId'] ? '' : therapist_attachment_article_contact_id_key( $fields['submissionId'] );
	if ( '' !== $id_key ) {
		$seen = get_transient( $id_key );
		if ( 'sent' === $seen ) {
			return $sent;
		}
		if ( 'sending' === $seen ) {
			return therapist_attachment_article_contact_error(
				'therapist_attachment_article_in_progress',
				__( 'This message is being sent right now. Please wait a moment.', 'therapist-attachment-article' ),
				409,
				5
			);
		}
	}

	// 4. The rate limit, counted per address for each message that is to be sent.
	$wait = therapist_attachment_article_contact_count( therapist_attachment_article_contact_client_ip() );
	if ( $wait > 0 ) {
		$minutes = (int) ceil( $wait / MINUTE_IN_SECONDS );
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
			$wait
		);
	}

	// 5. Send. The id is marked first, so that a retry arriving while the mail server is still
	// busy is not sent a second time; it is forgotten again if sending fails, so a retry can.
	if ( '' !== $id_key ) {
		set_transient( $id_key, 'sending', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL );
	}
	$mailed = therapist_attachment_article_contact_send( $fields, $request );
	if ( '' !== $id_key ) {
		if ( $mailed ) {
			set_transient( $id_key, 'sent', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL );
		} else {
			delete_transient( $id_key );
		}
	}
	if ( ! $mailed ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_mail_failed',
			__( 'The message could not be sent. Please try again later, or use another way to get in touch.', 'therapist-attachment-article' ),
			500
		);
	}
	return $sent;
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
 * Reads and checks the fields.
 *
 * Fields that must be right are refused rather than repaired: sanitize_email() would turn
 * `a@b.c\nBcc: x@y.z` into another, valid-looking address, so an email address is accepted
 * only when sanitizing leaves it unchanged.
 *
 * @param WP_REST_Request $request The request.
 * @return array{fields: array<string, string>, errors: array<string, string>}
 */
function therapist_attachment_article_contact_validate( $request ) {
	$limits = THERAPIST_ATTACHMENT_ARTICLE_CONTACT_LIMITS;
	$errors = array();

	// Name: one line of plain text.
	list( $name, $problem ) = therapist_attachment_article_contact_text( $request->get_param( 'name' ), $limits['name'], 'sanitize_text_field' );
	if ( 'long' === $problem ) {
		$errors['name'] = therapist_attachment_article_contact_too_long( $limits['name'] );
	} elseif ( '' === $name ) {
		$errors['name'] = __( 'Please enter your name.', 'therapist-attachment-article' );
	}

	// Email: valid as it is, or refused.
	$email = therapist_attachment_article_contact_raw( $request->get_param( 'email' ) );
	$email = null === $email ? '' : trim( $email );
	if ( '' === $email || strlen( $email ) > $limits['email'] || ! is_email( $email ) || sanitize_email( $email ) !== $email ) {
		$errors['email'] = __( 'Please enter an email address, like name@example.com.', 'therapist-attachment-article' );
	}

	// Phone: optional; digits, spaces and + ( ) - . only.
	$phone = therapist_attachment_article_contact_raw( $request->get_param( 'phone' ) );
	$phone = null === $phone ? null : trim( $phone );
	if ( null !== $phone && strlen( $phone ) > $limits['phone'] ) {
		$errors['phone'] = therapist_attachment_article_contact_too_long( $limits['phone'] );
	} elseif ( null === $phone || ( '' !== $phone && ! preg_match( '/^(?=.*[0-9])[0-9 +().\-]+$/', $phone ) ) ) {
		$errors['phone'] = __( 'Please use only digits, spaces and + ( ) - . in the phone number, or leave it empty.', 'therapist-attachment-article' );
	}

	// Message: plain text, line breaks kept.
	list( $message, $problem ) = therapist_attachment_article_contact_text( $request->get_param( 'message' ), $limits['message'], 'sanitize_textarea_field' );
	if ( 'long' === $problem ) {
		$errors['message'] = therapist_attachment_article_contact_too_long( $limits['message'] );
	} elseif ( '' === $message ) {
		$errors['message'] = __( 'Please write a message.', 'therapist-attachment-article' );
	}

	// The element sends a UUID; any short token of letters, digits, - and _ will do. Optional:
	// without one, a retry cannot be recognised.
	$id = therapist_attachment_article_contact_raw( $request->get_param( 'submissionId' ) );
	$id = null === $id ? null : trim( $id );
	if ( null === $id || ( '' !== $id && ! preg_match( '/^[A-Za-z0-9_-]{8,100}$/', $id ) ) ) {
		$errors['submissionId'] = __( 'The submission id is not valid.', 'therapist-attachment-article' );
	}

	if ( $errors ) {
		return array(
			'fields' => array(),
			'errors' => $errors,
		);
	}
	return array(
		'fields' => array(
			'name'         => $name,
			'email'        => $email,
			'phone'        => $phone,
			'message'      => $message,
			'submissionId' => $id,
		),
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
 * A text field, sanitized, with its length checked.
 *
 * @param mixed    $value    The parameter.
 * @param int      $limit    Characters allowed.
 * @param callable $sanitize sanitize_text_field or sanitize_textarea_field.
 * @return array{0: string, 1: string} The clean text ('' when missing or not text) and the
 *                                     problem: '' or `long`.
 */
function therapist_attachment_article_contact_text( $value, $limit, $sanitize ) {
	$raw = therapist_attachment_article_contact_raw( $value );
	if ( null === $raw ) {
		return array( '', '' );
	}
	// Beyond 4 bytes a character, it is too long whatever it holds: no need to read it.
	if ( strlen( $raw ) > 4 * $limit ) {
		return array( '', 'long' );
	}
	$text = call_user_func( $sanitize, $raw );
	return array( $text, therapist_attachment_article_contact_length( $text ) > $limit ? 'long' : '' );
}

/**
 * Length in characters.
 *
 * @param string $text Valid UTF-8 (sanitized text always is).
 * @return int
 */
function therapist_attachment_article_contact_length( $text ) {
	return function_exists( 'mb_strlen' ) ? mb_strlen( $text, 'UTF-8' ) : (int) preg_match_all( '/./us', $text );
}

/**
 * The error for an overlong field.
 *
 * @param int $limit Characters allowed.
 * @return string
 */
function therapist_attachment_article_contact_too_long( $limit ) {
	return sprintf(
		/* translators: %s: the number of characters allowed. */
		__( 'Please shorten this to %s characters or fewer.', 'therapist-attachment-article' ),
		number_format_i18n( $limit )
	);
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
 * The transient that counts one address's messages. An IPv6 visitor commonly holds a whole /64
 * network, so IPv6 addresses count per /64; IPv4 addresses (also when written as IPv6) count
 * one by one. Only a keyed hash is stored, never the address.
 *
 * @param string $ip An IP address ('' or anything else counts as one unknown address).
 * @return string Transient name.
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
 * The transient that remembers a submission id. A keyed hash, like the address.
 *
 * @param string $id The submission id.
 * @return string Transient name.
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
 * Counts a message from an address, unless the address is over its limit.
 *
 * A fixed window per address: the first message opens it, and it holds `limit` messages. The
 * window's end is stored with the count, so the limit holds whether transients live in the
 * database or in an object cache that ignores expiry times. Two requests arriving at the same
 * instant may both pass the last free place: transients have no atomic increment.
 *
 * @param string $ip The visitor's address.
 * @return int 0 when counted (go ahead); otherwise the seconds until the window ends.
 */
function therapist_attachment_article_contact_count( $ip ) {
	$rate = therapist_attachment_article_contact_rate_limit();
	if ( 0 === $rate['limit'] ) {
		return 0;
	}
	$key   = therapist_attachment_article_contact_ip_key( $ip );
	$now   = time();
	$count = get_transient( $key );
	if ( ! is_array( $count ) || ! isset( $count['n'], $count['until'] ) || (int) $count['until'] <= $now ) {
		$count = array(
			'n'     => 0,
			'until' => $now + $rate['window'],
		);
	}
	if ( (int) $count['n'] >= $rate['limit'] ) {
		return (int) $count['until'] - $now;
	}
	++$count['n'];
	set_transient( $key, $count, max( 1, (int) $count['until'] - $now ) );
	return 0;
}

/**
 * Emails the message to the site's admin address (or the filtered recipient), as plain text,
 * with Reply-To the visitor. From stays WordPress's own sender: mail "from" the visitor's
 * address would fail the visitor's domain's SPF and DMARC checks and land in spam.
 *
 * @param array<string, string> $fields  The checked fields.
 * @param WP_REST_Request       $request The request (for the page it came from).
 * @return bool Whether wp_mail() accepted the message.
 */
function therapist_attachment_article_contact_send( $fields, $request ) {
	/**
	 * Filters who receives the contact form's messages. Default: the site's admin email
	 * address (Settings → General).
	 *
	 * @param string|string[]       $recipient An address, a comma-separated list, or a list.
	 * @param array<string, string> $fields    The visitor's checked fields: name, email, phone, message.
	 */
	$to = apply_filters( 'therapist_attachment_article_contact_recipient', get_option( 'admin_email' ), $fields );
	if ( empty( $to ) ) {
		return false;
	}

	// The fields are sanitized text; the mail is plain text, where an entity such as `&lt;`
	// (which sanitizing makes of a lone `<`, as in `<3`) would show as it is written.
	$text = static function ( $value ) {
		return wp_specialchars_decode( $value, ENT_QUOTES );
	};

	$site    = $text( (string) get_bloginfo( 'name' ) );
	$subject = sprintf(
		/* translators: 1: the site's title, 2: the visitor's name. */
		__( '[%1$s] Message from %2$s', 'therapist-attachment-article' ),
		'' === $site ? wp_parse_url( home_url(), PHP_URL_HOST ) : $site,
		$text( $fields['name'] )
	);

	$lines = array(
		/* translators: %s: the visitor's name. */
		sprintf( __( 'Name: %s', 'therapist-attachment-article' ), $text( $fields['name'] ) ),
		/* translators: %s: the visitor's email address. */
		sprintf( __( 'Email: %s', 'therapist-attachment-article' ), $fields['email'] ),
	);
	if ( '' !== $fields['phone'] ) {
		/* translators: %s: the visitor's phone number. */
		$lines[] = sprintf( __( 'Phone: %s', 'therapist-attachment-article' ), $fields['phone'] );
	}
	$lines[] = '';
	$lines[] = __( 'Message:', 'therapist-attachment-article' );
	$lines[] = $text( $fields['message'] );
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
		'<p>' . esc_html__( 'When you send a message with the contact form below Emily Powell’s article, your name, email address, phone number (if you give it) and message are emailed to us. The website does not keep them.', 'therapist-attachment-article' ) . '</p>'
		. '<p>' . esc_html__( 'To limit abuse, the website keeps a keyed hash of your IP address (not the address itself) for up to 10 minutes, and a hash of a random id of your message for 24 hours, so that it is never sent twice. Neither holds anything you wrote.', 'therapist-attachment-article' ) . '</p>'
	);
}
