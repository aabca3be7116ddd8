<?php
/**
 * The plain form post: the pre-rendered form sent by a browser without JavaScript.
 *
 * The browser posts the form (`application/x-www-form-urlencoded`, no `submissionId`) as a
 * navigation to the route. The route runs every check it runs for the element (a real POST,
 * this site's own pages only, the honeypot, the fields, the rate limits), and:
 * - when the message was emailed, or kept for the practice: answers `303 See Other` back to the
 *   page it came from (its `Referer`, when on this site; else the home page) with only a status
 *   in the address, `?taa-contact=sent` or `?taa-contact=kept`, never anything of the message.
 *   The page then shows the result in a notice above the article (rendered by PHP next to the
 *   element, outside its shadow root). Reloading that page is a GET: it sends nothing.
 * - otherwise: answers with a short HTML page that says what happened, with the same status the
 *   element would get (422, 429 …), and asks the visitor to go back with the browser's Back
 *   button, where the browser still holds what they typed.
 *
 * Without a submission id, the message is its own id (a keyed hash of name, email, phone and
 * message): pages served from a full-page cache are the same for every visitor, so no token in
 * the page could tell two visitors apart, while two visitors never send the very same message.
 * Sending it again (Back, then Send) sends nothing more within 24 hours.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The query parameter of the page the visitor is sent back to. */
const THERAPIST_ATTACHMENT_ARTICLE_RESULT_PARAM = 'taa-contact';

/** The id of the notice that shows the result, also the redirect's fragment. */
const THERAPIST_ATTACHMENT_ARTICLE_RESULT_ID = 'therapist-attachment-article-result';

/**
 * Whether a request is a browser's plain form post: a form body without `submissionId`, sent as
 * a navigation (`Sec-Fetch-Mode: navigate`, or, from a browser that does not send that header,
 * an `Accept` that asks for HTML and not JSON).
 *
 * @param WP_REST_Request $request The request.
 * @return bool
 */
function therapist_attachment_article_form_post_is_plain( $request ) {
	if ( 'form' !== therapist_attachment_article_contact_body_kind( $request ) ) {
		return false;
	}
	$body = $request->get_body_params();
	if ( is_array( $body ) && array_key_exists( 'submissionId', $body ) ) {
		return false;
	}
	$mode = strtolower( trim( (string) $request->get_header( 'sec_fetch_mode' ) ) );
	if ( '' !== $mode ) {
		return 'navigate' === $mode;
	}
	$accept = strtolower( (string) $request->get_header( 'accept' ) );
	return false !== strpos( $accept, 'text/html' ) && false === strpos( $accept, 'application/json' );
}

/**
 * Turns the route's answer into the plain form post's: a 303 back to the page, or an HTML page.
 *
 * @param WP_REST_Response $answer  What the element would have been answered.
 * @param WP_REST_Request  $request The request.
 * @return WP_REST_Response
 */
function therapist_attachment_article_form_post_answer( $answer, $request ) {
	$status = $answer->get_status();
	$data   = $answer->get_data();
	$page   = therapist_attachment_article_contact_page( $request );
	$back   = '' === $page ? home_url( '/' ) : remove_query_arg( THERAPIST_ATTACHMENT_ARTICLE_RESULT_PARAM, strtok( $page, '#' ) );

	if ( 200 === $status || 202 === $status ) {
		$response = new WP_REST_Response( null, 303 );
		$response->header( 'Location', add_query_arg( THERAPIST_ATTACHMENT_ARTICLE_RESULT_PARAM, 200 === $status ? 'sent' : 'kept', $back ) . '#' . THERAPIST_ATTACHMENT_ARTICLE_RESULT_ID );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	$lines = array( is_array( $data ) && isset( $data['message'] ) ? (string) $data['message'] : __( 'Your message could not be sent.', 'therapist-attachment-article' ) );
	if ( is_array( $data ) && isset( $data['errors'] ) && is_array( $data['errors'] ) ) {
		$labels = therapist_attachment_article_form_strings();
		foreach ( $data['errors'] as $field => $error ) {
			$label   = isset( $labels[ $field ] ) && is_string( $field ) ? $labels[ $field ] : (string) $field;
			$lines[] = $label . ': ' . $error;
		}
	}
	$html = therapist_attachment_article_form_post_page( $lines, $back, is_array( $data ) && isset( $data['link'] ) ? (string) $data['link'] : '' );

	$response = new WP_REST_Response( array( 'therapist_attachment_article_html' => $html ), $status );
	foreach ( $answer->get_headers() as $name => $value ) {
		$response->header( $name, $value );
	}
	$response->header( 'Content-Type', 'text/html; charset=UTF-8' );
	$response->header( 'Cache-Control', 'no-store' );
	return $response;
}

/**
 * The HTML page of a plain form post that was not sent.
 *
 * @param string[] $lines What happened (text).
 * @param string   $back  The page it came from.
 * @param string   $link  Another way to get in touch, or ''.
 * @return string
 */
function therapist_attachment_article_form_post_page( $lines, $back, $link ) {
	$title = __( 'Your message was not sent', 'therapist-attachment-article' );
	$html  = '<!DOCTYPE html><html lang="' . esc_attr( get_bloginfo( 'language' ) ) . '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>' . esc_html( $title ) . '</title></head><body><main><h1>' . esc_html( $title ) . '</h1>';
	foreach ( $lines as $line ) {
		$html .= '<p>' . esc_html( $line ) . '</p>';
	}
	$html .= '<p>' . esc_html__( 'Use your browser’s Back button to return to the form: what you typed is still there.', 'therapist-attachment-article' ) . '</p>';
	if ( '' !== $link ) {
		$html .= '<p><a href="' . therapist_attachment_article_esc_url( $link ) . '">' . esc_html__( 'Other ways to get in touch', 'therapist-attachment-article' ) . '</a></p>';
	}
	$html .= '<p><a href="' . esc_url( $back ) . '">' . esc_html__( 'Back to the page (without your text)', 'therapist-attachment-article' ) . '</a></p>';
	return $html . '</main></body></html>';
}

/**
 * Prints the HTML page of a plain form post instead of JSON. Filters `rest_pre_serve_request`
 * (the status and headers are sent by then).
 *
 * @param bool             $served Whether the request was served already.
 * @param WP_HTTP_Response $result The response.
 * @return bool
 */
function therapist_attachment_article_form_post_serve( $served, $result ) {
	$data = $result instanceof WP_HTTP_Response ? $result->get_data() : null;
	if ( $served || ! is_array( $data ) || ! isset( $data['therapist_attachment_article_html'] ) || 1 !== count( $data ) ) {
		return $served;
	}
	echo $data['therapist_attachment_article_html']; // phpcs:ignore WordPress.Security.EscapeOutput -- Escaped where it is built.
	return true;
}

/**
 * The notice above the article on the page a plain form post came back to: what became of the
 * message. Once per page, and only where the article shows the form.
 *
 * @param array<string, string> $attributes The element's attributes.
 * @return string HTML, or ''.
 */
function therapist_attachment_article_form_post_notice( $attributes ) {
	static $shown = false;
	$result = isset( $_GET[ THERAPIST_ATTACHMENT_ARTICLE_RESULT_PARAM ] ) ? sanitize_key( wp_unslash( $_GET[ THERAPIST_ATTACHMENT_ARTICLE_RESULT_PARAM ] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- Which notice to show, nothing more.
	if ( $shown || ! isset( $attributes['form-action'] ) || ! in_array( $result, array( 'sent', 'kept' ), true ) ) {
		return '';
	}
	$shown = true;
	$text  = 'sent' === $result ? therapist_attachment_article_form_strings()['sent'] : therapist_attachment_article_contact_kept_text();
	return '<p id="' . THERAPIST_ATTACHMENT_ARTICLE_RESULT_ID . '" class="therapist-attachment-article-result" role="status">' . esc_html( $text ) . '</p>';
}
