<?php
/**
 * The mail: who receives the visitors' messages, and the plain-text email each becomes.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

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
 * Emails a visitor's message (as it arrives at the route).
 *
 * @param array<string, string> $fields  The checked fields.
 * @param WP_REST_Request       $request The request (for the page it came from).
 * @return bool Whether wp_mail() accepted the message.
 */
function therapist_attachment_article_contact_send( $fields, $request ) {
	return therapist_attachment_article_contact_mail( $fields, therapist_attachment_article_contact_page( $request ) );
}

/**
 * Emails the message to the recipient, as plain text, with Reply-To the visitor. From stays
 * WordPress's own sender: mail "from" the visitor's address would fail the visitor's domain's
 * SPF and DMARC checks and land in spam. The outcome is recorded for Site Health.
 *
 * @param array<string, string> $fields   The checked fields.
 * @param string                $page     The page it was sent from, or ''.
 * @param int|null              $received When a kept message was received (said in the mail), or null.
 * @return bool Whether wp_mail() accepted the message.
 */
function therapist_attachment_article_contact_mail( $fields, $page, $received = null ) {
	$to = therapist_attachment_article_contact_recipient( $fields );
	if ( empty( $to ) ) {
		therapist_attachment_article_mail_record( false );
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
	$lines[] = sprintf(
		/* translators: %s: the address of the page the message was sent from (or of the site). */
		__( 'Sent with the contact form of Emily Powell’s article on %s', 'therapist-attachment-article' ),
		'' === $page ? home_url( '/' ) : $page
	);
	if ( null !== $received ) {
		$lines[] = sprintf(
			/* translators: %s: date and time (UTC). */
			__( 'Received on %s UTC; the website could not email it then and kept it until now.', 'therapist-attachment-article' ),
			gmdate( 'Y-m-d H:i', $received )
		);
	}
	$lines[] = __( 'Reply to this email to answer the visitor. Once this email is sent, the plugin keeps no copy of the message (your mail server, or a mail-logging plugin, may).', 'therapist-attachment-article' );

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
	$mailed = (bool) wp_mail( $to, $subject, implode( "\n", $lines ), $headers );
	remove_filter( 'wp_mail_content_type', $plain, PHP_INT_MAX );

	therapist_attachment_article_mail_record( $mailed );
	return $mailed;
}

/**
 * Remembers whether the last message (or test message) could be emailed, for Site Health.
 *
 * @param bool $mailed Whether it could.
 */
function therapist_attachment_article_mail_record( $mailed ) {
	therapist_attachment_article_store()->set( 'taa_mail_status', ( $mailed ? 'ok ' : 'failed ' ) . time() );
}

/**
 * The last outcome of emailing a message.
 *
 * @return array{ok: bool, time: int}|null Null when nothing was emailed yet.
 */
function therapist_attachment_article_mail_status() {
	$value = therapist_attachment_article_store()->get( 'taa_mail_status' );
	if ( null === $value ) {
		return null;
	}
	$parts = explode( ' ', $value );
	return array(
		'ok'   => 'ok' === $parts[0],
		'time' => isset( $parts[1] ) ? (int) $parts[1] : 0,
	);
}

/**
 * Sends a test message to the recipients, as a visitor's message would go.
 *
 * @return bool Whether wp_mail() accepted it.
 */
function therapist_attachment_article_send_test_message() {
	$user = wp_get_current_user();
	return therapist_attachment_article_contact_mail(
		array(
			'name'    => __( 'Test message', 'therapist-attachment-article' ),
			'email'   => is_email( $user->user_email ) ? $user->user_email : (string) get_option( 'admin_email' ),
			'phone'   => '',
			'message' => __( 'This is a test message from Settings → Therapist Attachment Article. Visitors’ messages from the article’s contact form arrive here, like this one.', 'therapist-attachment-article' ),
		),
		admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE )
	);
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
