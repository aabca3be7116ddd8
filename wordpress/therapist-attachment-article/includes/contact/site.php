<?php
/**
 * What the site's owners see of the contact form: the test message, the Site Health test, the
 * notices (after activation: where messages go; when the site's ceiling was reached), and the
 * suggested privacy-policy text.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The store's row that says the owner has not yet confirmed where messages go. */
const THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW = 'taa_notice_recipient';

/** The store's row that says when the site's ceiling was last reached (until dismissed). */
const THERAPIST_ATTACHMENT_ARTICLE_CEILING_ROW = 'taa_notice_ceiling';

/**
 * On activation: asks the owner to confirm where messages go (a notice until the settings are
 * saved or the notice is dismissed).
 */
function therapist_attachment_article_activate() {
	if ( '' === therapist_attachment_article_settings()['recipient'] ) {
		therapist_attachment_article_store()->set( THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW, (string) time() );
	}
}

/**
 * The site's ceiling was reached: tells the administrators once per hour-long window (a notice,
 * and one email to the site's admin address), whatever the number of refused messages.
 */
function therapist_attachment_article_ceiling_reached() {
	$store = therapist_attachment_article_store();
	$end   = ( intdiv( time(), HOUR_IN_SECONDS ) + 1 ) * HOUR_IN_SECONDS;
	if ( ! $store->insert( therapist_attachment_article_contact_counter_key( 'ceiling', $end ), '1' ) ) {
		return; // Told already in this window.
	}
	$store->set( THERAPIST_ATTACHMENT_ARTICLE_CEILING_ROW, (string) time() );
	wp_mail(
		(string) get_option( 'admin_email' ),
		sprintf(
			/* translators: %s: the site's title. */
			__( '[%s] The contact form reached its limit for this hour', 'therapist-attachment-article' ),
			wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES )
		),
		sprintf(
			/* translators: %d: messages per hour. */
			__( 'The contact form below Emily Powell’s article received %d messages this hour, its limit for all visitors together. Until the hour is over, visitors are shown the link to your contact page instead of the form (Settings → Therapist Attachment Article: "Instead of the contact form, link to"), or are asked to try later when no link is set. Many messages in a short time usually come from a bot.', 'therapist-attachment-article' ),
			therapist_attachment_article_contact_site_limit()
		)
	);
}

/**
 * The administrators' notices: where messages go (after activation), and the site's ceiling.
 * Runs on `admin_notices`.
 */
function therapist_attachment_article_site_notices() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$store    = therapist_attachment_article_store();
	$settings = admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE );
	if ( null !== $store->get( THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW ) ) {
		printf(
			'<div class="notice notice-warning"><p>%1$s <a href="%2$s">%3$s</a> %4$s</p></div>',
			esc_html(
				sprintf(
					/* translators: %s: the admin email address. */
					__( 'Therapist Attachment Article: visitors’ messages from the contact form go to %s, the site’s administration email address. Is that where the practice reads them?', 'therapist-attachment-article' ),
					(string) get_option( 'admin_email' )
				)
			),
			esc_url( $settings ),
			esc_html__( 'Choose where messages go and send a test message', 'therapist-attachment-article' ),
			therapist_attachment_article_dismiss_link( 'recipient' ) // phpcs:ignore WordPress.Security.EscapeOutput -- Escaped there.
		);
	}
	$ceiling = $store->get( THERAPIST_ATTACHMENT_ARTICLE_CEILING_ROW );
	if ( null !== $ceiling ) {
		printf(
			'<div class="notice notice-warning"><p>%1$s %2$s</p></div>',
			esc_html(
				sprintf(
					/* translators: 1: messages per hour, 2: date and time. */
					__( 'Therapist Attachment Article: the contact form reached its limit of %1$d messages an hour on %2$s. Until that hour was over, visitors were shown the link to your contact page instead of the form.', 'therapist-attachment-article' ),
					therapist_attachment_article_contact_site_limit(),
					wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $ceiling )
				)
			),
			therapist_attachment_article_dismiss_link( 'ceiling' ) // phpcs:ignore WordPress.Security.EscapeOutput -- Escaped there.
		);
	}
}

/**
 * A link that dismisses one of the notices.
 *
 * @param string $which `recipient` or `ceiling`.
 * @return string HTML.
 */
function therapist_attachment_article_dismiss_link( $which ) {
	$url = wp_nonce_url( admin_url( 'admin-post.php?action=therapist_attachment_article_dismiss&notice=' . $which ), 'therapist_attachment_article_dismiss_' . $which );
	return '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Dismiss', 'therapist-attachment-article' ) . '</a>';
}

/**
 * Dismisses a notice (admin-post.php, action `therapist_attachment_article_dismiss`).
 */
function therapist_attachment_article_dismiss() {
	$which = isset( $_GET['notice'] ) ? sanitize_key( wp_unslash( $_GET['notice'] ) ) : '';
	if ( ! current_user_can( 'manage_options' ) || ! in_array( $which, array( 'recipient', 'ceiling' ), true ) ) {
		wp_die( esc_html__( 'You cannot do that.', 'therapist-attachment-article' ), 403 );
	}
	check_admin_referer( 'therapist_attachment_article_dismiss_' . $which );
	therapist_attachment_article_store()->delete( 'recipient' === $which ? THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW : THERAPIST_ATTACHMENT_ARTICLE_CEILING_ROW );
	wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
	exit;
}

/**
 * The settings screen's "Send a test message" button (admin-post.php, action
 * `therapist_attachment_article_test_message`): sends one, then shows whether it went.
 */
function therapist_attachment_article_test_message_action() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You cannot do that.', 'therapist-attachment-article' ), 403 );
	}
	check_admin_referer( 'therapist_attachment_article_test_message' );
	$sent = therapist_attachment_article_send_test_message();
	if ( $sent ) {
		// Sending one is the owner's confirmation of where messages go.
		therapist_attachment_article_store()->delete( THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW );
	}
	wp_safe_redirect( admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE . '&taa-test=' . ( $sent ? 'sent' : 'failed' ) ) );
	exit;
}

/**
 * The settings screen's test-message section: the button, and the last test's outcome.
 */
function therapist_attachment_article_test_message_form() {
	$to   = therapist_attachment_article_contact_recipient( array() );
	$test = isset( $_GET['taa-test'] ) ? sanitize_key( wp_unslash( $_GET['taa-test'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- Which notice to show.
	echo '<h2>' . esc_html__( 'Check that messages arrive', 'therapist-attachment-article' ) . '</h2>';
	if ( 'sent' === $test ) {
		echo '<div class="notice notice-success inline"><p>' . esc_html__( 'The test message was handed to the mail server. Check that it arrived (and not in spam).', 'therapist-attachment-article' ) . '</p></div>';
	} elseif ( 'failed' === $test ) {
		echo '<div class="notice notice-error inline"><p>' . esc_html__( 'The test message could not be sent: this website cannot send email. Visitors’ messages are kept on the website until it can (Settings → Kept messages); an SMTP plugin usually fixes sending.', 'therapist-attachment-article' ) . '</p></div>';
	}
	echo '<p>' . esc_html(
		sprintf(
			/* translators: %s: email addresses. */
			__( 'Sends a test message to %s, the way visitors’ messages are sent.', 'therapist-attachment-article' ),
			is_array( $to ) ? implode( ', ', $to ) : (string) $to
		)
	) . '</p>';
	echo '<form action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" method="post">';
	echo '<input type="hidden" name="action" value="therapist_attachment_article_test_message" />';
	// The nonce without wp_nonce_field()'s id, which the settings form above already uses.
	echo '<input type="hidden" name="_wpnonce" value="' . esc_attr( wp_create_nonce( 'therapist_attachment_article_test_message' ) ) . '" />';
	submit_button( __( 'Send a test message', 'therapist-attachment-article' ), 'secondary', 'submit', false );
	echo '</form>';
}

/**
 * Adds the Site Health test. Filters `site_status_tests`.
 *
 * @param array $tests The tests.
 * @return array
 */
function therapist_attachment_article_site_health_tests( $tests ) {
	$tests['direct']['therapist_attachment_article_mail'] = array(
		'label' => __( 'The article’s contact form can deliver messages', 'therapist-attachment-article' ),
		'test'  => 'therapist_attachment_article_site_health',
	);
	return $tests;
}

/**
 * The Site Health test: whether the last message (or test message) could be emailed, whether
 * messages are kept because it could not, whether messages go to the admin email address
 * without the owner having chosen it, and whether the key of kept messages is in the database.
 *
 * @return array The test's result, as Site Health expects it.
 */
function therapist_attachment_article_site_health() {
	$problems = array();
	$status   = 'good';
	$mail     = therapist_attachment_article_mail_status();
	$kept     = therapist_attachment_article_kept_count();
	if ( null !== $mail && ! $mail['ok'] ) {
		$status     = 'critical';
		$problems[] = __( 'The last message from the article’s contact form could not be emailed: this website cannot send email. Messages are kept on the website until it can; an SMTP plugin usually fixes sending.', 'therapist-attachment-article' );
	}
	if ( $kept > 0 ) {
		$status     = 'critical';
		$problems[] = sprintf(
			/* translators: %d: how many. */
			_n( '%d message is waiting to be emailed (Settings → Kept messages).', '%d messages are waiting to be emailed (Settings → Kept messages).', $kept, 'therapist-attachment-article' ),
			$kept
		);
	}
	if ( '' === therapist_attachment_article_settings()['recipient'] ) {
		$status     = 'good' === $status ? 'recommended' : $status;
		$problems[] = sprintf(
			/* translators: %s: an email address. */
			__( 'Messages go to the site’s administration email address, %s, because no address was chosen. Choose where the practice reads them in Settings → Therapist Attachment Article.', 'therapist-attachment-article' ),
			(string) get_option( 'admin_email' )
		);
	}
	if ( 'database' === therapist_attachment_article_secret()['source'] ) {
		$status     = 'good' === $status ? 'recommended' : $status;
		$problems[] = __( 'wp-config.php has no security keys, so the key that encrypts kept messages is stored in the database: a copy of the database alone could reveal them. Add keys to wp-config.php, or define THERAPIST_ATTACHMENT_ARTICLE_KEY there.', 'therapist-attachment-article' );
	}
	if ( null === $mail && 'good' === $status ) {
		$problems[] = __( 'No message was emailed yet. Send a test message from Settings → Therapist Attachment Article to check.', 'therapist-attachment-article' );
	}
	$description = '<p>' . esc_html__( 'Visitors’ messages from the article’s contact form are emailed to the practice.', 'therapist-attachment-article' ) . '</p>';
	foreach ( $problems as $problem ) {
		$description .= '<p>' . esc_html( $problem ) . '</p>';
	}
	return array(
		'label'       => 'critical' === $status
			? __( 'The article’s contact form cannot email messages', 'therapist-attachment-article' )
			: __( 'The article’s contact form can deliver messages', 'therapist-attachment-article' ),
		'status'      => $status,
		'badge'       => array(
			'label' => __( 'Therapist Attachment Article', 'therapist-attachment-article' ),
			'color' => 'critical' === $status ? 'red' : 'blue',
		),
		'description' => $description,
		'actions'     => sprintf( '<p><a href="%1$s">%2$s</a></p>', esc_url( admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE ) ), esc_html__( 'Send a test message', 'therapist-attachment-article' ) ),
		'test'        => 'therapist_attachment_article_mail',
	);
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
 * The suggested privacy policy text, as HTML: exactly what is kept, where, and for how long.
 *
 * @return string
 */
function therapist_attachment_article_privacy_policy_text() {
	$days = therapist_attachment_article_settings()['keep_days'];
	return '<p>' . esc_html__( 'When you send a message with the contact form below Emily Powell’s article, your name, email address, phone number (if you give it) and message are emailed to us. Once the email is sent, the website does not keep them; our email provider keeps the email as our mailbox does.', 'therapist-attachment-article' ) . '</p>'
		. '<p>' . esc_html(
			sprintf(
				/* translators: %d: days. */
				_n(
					'If the website cannot send the email at that moment, it keeps your message, encrypted, in its database and tries again. It is deleted as soon as it is emailed, when we delete it, or at the latest %d day after you sent it. Until then our administrators can read it on the website.',
					'If the website cannot send the email at that moment, it keeps your message, encrypted, in its database and tries again. It is deleted as soon as it is emailed, when we delete it, or at the latest %d days after you sent it. Until then our administrators can read it on the website.',
					$days,
					'therapist-attachment-article'
				),
				$days
			)
		) . '</p>'
		. '<p>' . esc_html__( 'To limit abuse and to send each message only once, the website also keeps, in its database: a keyed hash of your IP address (not the address itself) with a count of your messages, until the end of the 10-minute period it counts (deleted then, or at the next visit to the website after that); a keyed hash of your message and of its random id, for 24 hours, so that it is never sent twice; and a count of all visitors’ messages in the current hour, which says nothing about you. None of these holds anything you wrote.', 'therapist-attachment-article' ) . '</p>'
		. '<p>' . esc_html__( 'Without JavaScript, after you send the form, the page’s address shows only whether your message was sent, never what you wrote.', 'therapist-attachment-article' ) . '</p>';
}
