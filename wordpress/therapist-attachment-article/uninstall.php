<?php
/**
 * Runs when the plugin is deleted from the Plugins screen (not when it is only deactivated):
 * removes what the plugin keeps, on every site of a network.
 *
 * - The option `therapist_attachment_article_settings` (Settings → Therapist Attachment Article).
 * - The contact form's short-lived counters and submission ids: transients named `taa_rate_…`,
 *   `taa_site_…` and `taa_sent_…`, or, on a site with a persistent object cache, the cache
 *   group `therapist-attachment-article` (where the cache cannot empty one group, they expire
 *   within 24 hours by themselves). None of them holds anything a visitor wrote.
 *
 * Messages themselves were never stored, so there is nothing else to remove.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;
// Only WordPress's own uninstall_plugin() defines this, for this plugin.
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$therapist_attachment_article_uninstall = static function () {
	global $wpdb;

	delete_option( 'therapist_attachment_article_settings' );

	if ( wp_using_ext_object_cache() ) {
		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( 'therapist-attachment-article' );
		}
		return;
	}
	$like = array();
	foreach ( array( 'taa_rate_', 'taa_site_', 'taa_sent_' ) as $prefix ) {
		$like[] = $wpdb->esc_like( '_transient_' . $prefix ) . '%';
		$like[] = $wpdb->esc_like( '_transient_timeout_' . $prefix ) . '%';
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Transients with hashed names, only known by their prefix.
	$wpdb->query(
		$wpdb->prepare(
			"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
			$like
		)
	);
};

if ( is_multisite() && function_exists( 'get_sites' ) ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $therapist_attachment_article_site ) {
		switch_to_blog( $therapist_attachment_article_site );
		$therapist_attachment_article_uninstall();
		restore_current_blog();
	}
} else {
	$therapist_attachment_article_uninstall();
}
