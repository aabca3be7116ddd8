<?php
/**
 * Runs when the plugin is deleted from the Plugins screen (not when it is only deactivated):
 * removes what the plugin keeps, on every site of a network.
 *
 * - The option `therapist_attachment_article_settings` (Settings → Therapist Attachment Article).
 * - The rows of the contact form's store (includes/contact/store.php), all named `taa_…`: claims
 *   and counters, notices, the last mail's outcome, and kept messages that could not be emailed
 *   (read or send them first: deleting the plugin deletes them).
 * - Its WP-Cron events (the clean-up and the retry).
 * - What earlier versions kept: transients named `taa_rate_…`, `taa_site_…` and `taa_sent_…`,
 *   or, on a site with a persistent object cache, the cache group `therapist-attachment-article`.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;
// Only WordPress's own uninstall_plugin() defines this, for this plugin.
defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$therapist_attachment_article_uninstall = static function () {
	global $wpdb;

	delete_option( 'therapist_attachment_article_settings' );

	foreach ( array( 'therapist_attachment_article_cleanup', 'therapist_attachment_article_retry' ) as $hook ) {
		if ( function_exists( 'wp_unschedule_hook' ) ) {
			wp_unschedule_hook( $hook );
		}
	}

	if ( wp_using_ext_object_cache() && function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
		wp_cache_flush_group( 'therapist-attachment-article' );
	}
	$like = array( $wpdb->esc_like( 'taa_' ) . '%' );
	foreach ( array( 'taa_rate_', 'taa_site_', 'taa_sent_' ) as $prefix ) {
		$like[] = $wpdb->esc_like( '_transient_' . $prefix ) . '%';
		$like[] = $wpdb->esc_like( '_transient_timeout_' . $prefix ) . '%';
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Rows with hashed names, only known by their prefix.
	$wpdb->query(
		$wpdb->prepare(
			"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
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
