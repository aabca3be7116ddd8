<?php
/**
 * Kept messages in WordPress's personal data tools (Tools → Export Personal Data, Erase
 * Personal Data): found by a keyed hash of the visitor's email address.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the personal data exporter. Filters `wp_privacy_personal_data_exporters`.
 *
 * @param array $exporters The exporters.
 * @return array
 */
function therapist_attachment_article_register_exporter( $exporters ) {
	$exporters['therapist-attachment-article'] = array(
		'exporter_friendly_name' => __( 'Messages kept by the article’s contact form', 'therapist-attachment-article' ),
		'callback'               => 'therapist_attachment_article_export',
	);
	return $exporters;
}

/**
 * Registers the personal data eraser. Filters `wp_privacy_personal_data_erasers`.
 *
 * @param array $erasers The erasers.
 * @return array
 */
function therapist_attachment_article_register_eraser( $erasers ) {
	$erasers['therapist-attachment-article'] = array(
		'eraser_friendly_name' => __( 'Messages kept by the article’s contact form', 'therapist-attachment-article' ),
		'callback'             => 'therapist_attachment_article_erase',
	);
	return $erasers;
}

/**
 * The kept messages sent with an email address.
 *
 * @param string $email The address.
 * @return array<string, array>
 */
function therapist_attachment_article_kept_for( $email ) {
	$hash = therapist_attachment_article_kept_email_hash( $email );
	return array_filter(
		therapist_attachment_article_kept_all(),
		static function ( $message ) use ( $hash ) {
			return hash_equals( $message['email'], $hash );
		}
	);
}

/**
 * The exporter: each kept message sent with the address.
 *
 * @param string $email The address.
 * @param int    $page  Page of results (all fit in one).
 * @return array{data: array, done: bool}
 */
function therapist_attachment_article_export( $email, $page = 1 ) {
	$data = array();
	foreach ( therapist_attachment_article_kept_for( $email ) as $id => $message ) {
		$fields = null === $message['fields'] ? array_fill_keys( array( 'name', 'email', 'phone', 'message', 'page' ), '' ) : $message['fields'];
		$data[] = array(
			'group_id'    => 'therapist-attachment-article-messages',
			'group_label' => __( 'Contact form messages', 'therapist-attachment-article' ),
			'item_id'     => 'therapist-attachment-article-' . $id,
			'data'        => array(
				array(
					'name'  => __( 'Received', 'therapist-attachment-article' ),
					'value' => gmdate( 'Y-m-d H:i:s', $message['received'] ) . ' UTC',
				),
				array(
					'name'  => __( 'Name', 'therapist-attachment-article' ),
					'value' => $fields['name'],
				),
				array(
					'name'  => __( 'Email', 'therapist-attachment-article' ),
					'value' => $fields['email'],
				),
				array(
					'name'  => __( 'Phone', 'therapist-attachment-article' ),
					'value' => $fields['phone'],
				),
				array(
					'name'  => __( 'Message', 'therapist-attachment-article' ),
					'value' => $fields['message'],
				),
				array(
					'name'  => __( 'Sent from', 'therapist-attachment-article' ),
					'value' => $fields['page'],
				),
			),
		);
	}
	return array(
		'data' => $data,
		'done' => true,
	);
}

/**
 * The eraser: deletes each kept message sent with the address.
 *
 * @param string $email The address.
 * @param int    $page  Page (all in one).
 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}
 */
function therapist_attachment_article_erase( $email, $page = 1 ) {
	$removed = false;
	foreach ( array_keys( therapist_attachment_article_kept_for( $email ) ) as $id ) {
		$removed = therapist_attachment_article_kept_delete( $id ) || $removed;
	}
	therapist_attachment_article_kept_schedule();
	return array(
		'items_removed'  => $removed,
		'items_retained' => false,
		'messages'       => array(),
		'done'           => true,
	);
}
