<?php
/**
 * Kept messages as administrators see them: a notice on every admin screen while messages are
 * kept, and Settings → Kept messages, where each can be read, sent again or deleted.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * The administrators' notice, on every admin screen while messages are kept. Runs on
 * `admin_notices`.
 */
function therapist_attachment_article_kept_notice() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$count = therapist_attachment_article_kept_count();
	if ( 0 === $count ) {
		return;
	}
	printf(
		'<div class="notice notice-error"><p>%1$s <a href="%2$s">%3$s</a></p></div>',
		esc_html(
			sprintf(
				/* translators: %d: how many messages. */
				_n( '%d message from the article’s contact form could not be emailed. It is kept on this website until it is delivered.', '%d messages from the article’s contact form could not be emailed. They are kept on this website until they are delivered.', $count, 'therapist-attachment-article' ),
				$count
			)
		),
		esc_url( admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_KEPT_PAGE ) ),
		esc_html__( 'Read them', 'therapist-attachment-article' )
	);
}

/**
 * Adds the kept messages' screen under Settings. Runs on `admin_menu`.
 */
function therapist_attachment_article_kept_menu() {
	add_submenu_page(
		'options-general.php',
		__( 'Messages that could not be emailed', 'therapist-attachment-article' ),
		__( 'Kept messages', 'therapist-attachment-article' ),
		'manage_options',
		THERAPIST_ATTACHMENT_ARTICLE_KEPT_PAGE,
		'therapist_attachment_article_kept_page'
	);
}

/**
 * Prints the kept messages' screen: each message in full, with Resend and Delete.
 */
function therapist_attachment_article_kept_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Messages that could not be emailed', 'therapist-attachment-article' ) . '</h1>';
	$done = isset( $_GET['taa-done'] ) ? sanitize_key( wp_unslash( $_GET['taa-done'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- Only which notice to show.
	$said = array(
		'sent'    => __( 'The message was emailed and deleted from this website.', 'therapist-attachment-article' ),
		'failed'  => __( 'The message could not be emailed again. It is still kept here.', 'therapist-attachment-article' ),
		'deleted' => __( 'The message was deleted.', 'therapist-attachment-article' ),
	);
	if ( isset( $said[ $done ] ) ) {
		printf( '<div class="notice %1$s"><p>%2$s</p></div>', 'failed' === $done ? 'notice-error' : 'notice-success', esc_html( $said[ $done ] ) );
	}
	$days = therapist_attachment_article_settings()['keep_days'];
	echo '<p>' . esc_html(
		sprintf(
			/* translators: %d: days. */
			_n( 'The website could not email these messages from the article’s contact form. They are kept here, encrypted, and sent again automatically; each is deleted once it is emailed, when you delete it, or %d day after it was received.', 'The website could not email these messages from the article’s contact form. They are kept here, encrypted, and sent again automatically; each is deleted once it is emailed, when you delete it, or %d days after it was received.', $days, 'therapist-attachment-article' ),
			$days
		)
	) . '</p>';
	$kept = therapist_attachment_article_kept_all();
	if ( array() === $kept ) {
		echo '<p>' . esc_html__( 'No message is kept: every message was emailed.', 'therapist-attachment-article' ) . '</p></div>';
		return;
	}
	foreach ( $kept as $id => $message ) {
		$fields = $message['fields'];
		echo '<div class="card therapist-attachment-article-kept">';
		if ( null === $fields ) {
			echo '<p>' . esc_html__( 'This message cannot be read: the keys in wp-config.php changed since it was kept.', 'therapist-attachment-article' ) . '</p>';
		} else {
			printf( '<h2>%s</h2>', esc_html( sprintf( /* translators: %s: the visitor's name. */ __( 'From %s', 'therapist-attachment-article' ), $fields['name'] ) ) );
			echo '<dl>';
			printf( '<dt>%1$s</dt><dd>%2$s</dd>', esc_html__( 'Received', 'therapist-attachment-article' ), esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $message['received'] ) ) );
			printf( '<dt>%1$s</dt><dd><a href="%2$s">%3$s</a></dd>', esc_html__( 'Email', 'therapist-attachment-article' ), esc_url( 'mailto:' . $fields['email'] ), esc_html( $fields['email'] ) );
			if ( '' !== $fields['phone'] ) {
				printf( '<dt>%1$s</dt><dd>%2$s</dd>', esc_html__( 'Phone', 'therapist-attachment-article' ), esc_html( $fields['phone'] ) );
			}
			echo '</dl>';
			printf( '<details><summary>%1$s</summary><p>%2$s</p></details>', esc_html__( 'Read the message', 'therapist-attachment-article' ), nl2br( esc_html( $fields['message'] ) ) );
		}
		printf(
			'<p>%s</p>',
			esc_html(
				sprintf(
					/* translators: %d: how many times. */
					_n( 'Emailing it was tried %d time.', 'Emailing it was tried %d times.', $message['attempts'] + 1, 'therapist-attachment-article' ),
					$message['attempts'] + 1
				)
			)
		);
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		echo '<input type="hidden" name="action" value="therapist_attachment_article_kept" />';
		echo '<input type="hidden" name="id" value="' . esc_attr( $id ) . '" />';
		// The nonce without wp_nonce_field()'s id, which every message's form would repeat.
		echo '<input type="hidden" name="_wpnonce" value="' . esc_attr( wp_create_nonce( 'therapist_attachment_article_kept_' . $id ) ) . '" />';
		if ( null !== $fields ) {
			submit_button( __( 'Send again', 'therapist-attachment-article' ), 'primary', 'resend', false );
			echo ' ';
		}
		submit_button( __( 'Delete', 'therapist-attachment-article' ), 'delete', 'delete', false );
		echo '</form></div>';
	}
	echo '</div>';
}

/**
 * The screen's buttons (admin-post.php, action `therapist_attachment_article_kept`).
 */
function therapist_attachment_article_kept_action() {
	$id = isset( $_POST['id'] ) ? sanitize_key( wp_unslash( $_POST['id'] ) ) : '';
	if ( ! current_user_can( 'manage_options' ) || ! preg_match( '/^[0-9a-f]{32}$/', $id ) ) {
		wp_die( esc_html__( 'You cannot do that.', 'therapist-attachment-article' ), 403 );
	}
	check_admin_referer( 'therapist_attachment_article_kept_' . $id );
	if ( isset( $_POST['delete'] ) ) {
		therapist_attachment_article_kept_delete( $id );
		$done = 'deleted';
	} else {
		$done = 'sent' === therapist_attachment_article_kept_send( $id ) ? 'sent' : 'failed';
	}
	therapist_attachment_article_kept_schedule();
	wp_safe_redirect( admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_KEPT_PAGE . '&taa-done=' . $done ) );
	exit;
}
