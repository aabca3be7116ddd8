<?php
/**
 * The contact form's backend: a REST route that emails a visitor's message to the practice.
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
 * Two kinds of request reach it:
 * - the element's (`fetch`, with a `submissionId`, `Accept: application/json`), answered in JSON;
 * - a browser's plain form post, without JavaScript (a form body without `submissionId`, sent as
 *   a navigation): answered with a 303 back to the page, or a small HTML page (form-post.php).
 *
 * JSON answers, as the element understands them, in the order they are checked:
 * - 405: not a real POST (`?_method=POST` on a GET, or an `X-HTTP-Method-Override` header);
 * - 415: a body that is neither JSON nor a form;
 * - 403: sent by a page of another site (its `Origin`, or `Sec-Fetch-Site: cross-site`);
 * - 200 `{"sent": true}`: the honeypot is filled (nothing is sent, and a bot cannot tell);
 * - 400: no valid `submissionId`;
 * - 422 `{"errors": {"email": "…"}, …}`: field errors, shown on the fields;
 * - 200 `{"sent": true}` or 202 `{"sent": false, "kept": true}`: the submission id was already
 *   handled, with the same message (a retry never sends twice);
 * - 409: the same submission id is being sent right now (a retry overtook its first attempt),
 *   or it was used for another message;
 * - 429 with `Retry-After`: too many messages from this address, or from everyone this hour;
 * - 200 `{"sent": true}`: emailed;
 * - 202 `{"sent": false, "kept": true, "message": "…"}`: wp_mail() failed, and the message is
 *   kept, encrypted, for the practice (kept.php), and retried;
 * - 500: wp_mail() failed and the message could not be kept either: nothing was received.
 *
 * Files: checks.php (who may post, the fields), claims.php (exactly once, the rate limits),
 * store.php (where claims, counters and kept messages live), mail.php, kept.php (kept
 * messages), kept-screen.php (what administrators see of them), personal-data.php (WordPress's
 * exporter and eraser), form-post.php (the plain form post), site.php (what owners see: settings' test message,
 * Site Health, notices, privacy text).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The REST namespace of the plugin. */
const THERAPIST_ATTACHMENT_ARTICLE_REST_NAMESPACE = 'therapist-attachment-article/v1';

/** The contact route, inside the namespace. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ROUTE = '/contact';

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
	$plain  = therapist_attachment_article_form_post_is_plain( $request );
	$answer = therapist_attachment_article_contact_handle( $request, $plain );
	return $plain ? therapist_attachment_article_form_post_answer( $answer, $request ) : $answer;
}

/**
 * Handles a message, and answers as the element understands it (the plain form post turns that
 * answer into a redirect or a page).
 *
 * @param WP_REST_Request $request The request.
 * @param bool            $plain   Whether it is a plain form post (no submission id: the message's own hash is its id).
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact_handle( $request, $plain ) {
	$sent = new WP_REST_Response( array( 'sent' => true ), 200 );

	// 1. Who may post at all: a real POST with a body, from a page of this site.
	$refused = therapist_attachment_article_contact_refusal( $request, $plain );
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
	$id = isset( $body['submissionId'] ) && is_string( $body['submissionId'] ) ? $body['submissionId'] : '';
	if ( ! $plain && ! therapist_attachment_article_contact_matches( therapist_attachment_article_facts()['submission_id_pattern'], $id ) ) {
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
	$fields = $checked['fields'];

	// 5. The claim, bound to the message: a retry of a message already handled is answered as
	// it was; one that overtook its first attempt is asked to wait; an id used for another
	// message is refused. A plain form post carries no id (a page served from a cache is the
	// same for every visitor): the message is its own id, so sending it again sends nothing.
	$hash   = therapist_attachment_article_contact_message_hash( $fields );
	$id_key = $plain ? 'taa_claim_' . therapist_attachment_article_contact_hash( 'plain ' . $hash ) : therapist_attachment_article_contact_id_key( $id );
	$claim  = therapist_attachment_article_contact_claim( $id_key, $hash );
	if ( 'sent' === $claim['state'] ) {
		return $sent;
	}
	if ( 'kept' === $claim['state'] ) {
		return therapist_attachment_article_contact_kept_answer();
	}
	if ( 'other' === $claim['state'] ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_id_reused',
			__( 'This submission id belongs to another message. Please reload the page and try again.', 'therapist-attachment-article' ),
			409
		);
	}
	if ( 'sending' === $claim['state'] ) {
		return therapist_attachment_article_contact_error(
			'therapist_attachment_article_in_progress',
			__( 'This message is being sent right now. Please wait a moment.', 'therapist-attachment-article' ),
			409,
			5
		);
	}

	// 6. The rate limits, counted only for messages that are about to be sent: per address,
	// then for the whole site.
	$limits = therapist_attachment_article_contact_limits();
	if ( 'ok' !== $limits['status'] ) {
		therapist_attachment_article_contact_settle( $id_key, $claim['value'], null );
		return therapist_attachment_article_contact_limited( $limits );
	}

	// 7. Send; when mail fails, keep the message for the practice (and retry); when even that
	// fails, let go of the claim and the count, so a retry can.
	$page = therapist_attachment_article_contact_page( $request );
	if ( therapist_attachment_article_contact_mail( $fields, $page ) ) {
		therapist_attachment_article_contact_settle( $id_key, $claim['value'], 'sent' );
		return $sent;
	}
	if ( null !== therapist_attachment_article_kept_add( $fields, $page ) ) {
		therapist_attachment_article_contact_settle( $id_key, $claim['value'], 'kept' );
		return therapist_attachment_article_contact_kept_answer();
	}
	therapist_attachment_article_contact_settle( $id_key, $claim['value'], null );
	if ( null !== $limits['key'] ) {
		therapist_attachment_article_contact_uncount( $limits['key'] );
	}
	return therapist_attachment_article_contact_error(
		'therapist_attachment_article_mail_failed',
		__( 'Your message could not be sent, and the website did not keep it. Please try again later, or use another way to get in touch.', 'therapist-attachment-article' ),
		500
	);
}

/**
 * The answer for a message that could not be emailed but is kept for the practice: 202, with
 * what the visitor should read.
 *
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact_kept_answer() {
	return new WP_REST_Response(
		array(
			'sent'    => false,
			'kept'    => true,
			'message' => therapist_attachment_article_contact_kept_text(),
		),
		202
	);
}

/**
 * What a visitor reads when their message is kept rather than emailed.
 *
 * @return string
 */
function therapist_attachment_article_contact_kept_text() {
	// The element's own words for a 202 (src/content/form-strings.ts), so both say the same.
	return therapist_attachment_article_form_strings()['received'];
}

/**
 * The 429 of a rate limit: the address's, or the site's ceiling (with a link to the practice's
 * contact page, when the site has one, so visitors still have a way to get in touch).
 *
 * @param array{status: string, wait: int} $limits From therapist_attachment_article_contact_limits().
 * @return WP_REST_Response
 */
function therapist_attachment_article_contact_limited( $limits ) {
	$minutes = (int) ceil( $limits['wait'] / MINUTE_IN_SECONDS );
	if ( 'address' === $limits['status'] ) {
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
			$limits['wait']
		);
	}
	$response = therapist_attachment_article_contact_error(
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
		$limits['wait']
	);
	$link = therapist_attachment_article_settings()['default_cta_href'];
	if ( '' !== $link ) {
		$data         = $response->get_data();
		$data['link'] = $link;
		$response->set_data( $data );
	}
	return $response;
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
