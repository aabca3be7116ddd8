<?php
/**
 * Plugin Name:       Therapist Attachment Article
 * Plugin URI:        https://www.npmjs.com/package/therapist-attachment-article
 * Description:       Emily Powell's article “Is it "Normal" to be Attached to your Therapist?” with a call-to-action and a contact form that emails you, as a block and a shortcode. Everything is served from your own site.
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Emily Powell, LMHC, LPC
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       therapist-attachment-article
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

// Kept equal to package.json's version by scripts/build-wordpress.mjs (the zip build fails otherwise).
define( 'THERAPIST_ATTACHMENT_ARTICLE_VERSION', '0.2.0' );
define( 'THERAPIST_ATTACHMENT_ARTICLE_FILE', __FILE__ );
define( 'THERAPIST_ATTACHMENT_ARTICLE_DIR', __DIR__ );

require_once __DIR__ . '/includes/generated/facts.php';
require_once __DIR__ . '/includes/generated/prerender.php';
require_once __DIR__ . '/includes/generated/attributes.php';
require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/blend.php';
require_once __DIR__ . '/includes/register.php';
require_once __DIR__ . '/includes/trust.php';
require_once __DIR__ . '/includes/contact/store.php';
require_once __DIR__ . '/includes/contact/route.php';
require_once __DIR__ . '/includes/contact/checks.php';
require_once __DIR__ . '/includes/contact/claims.php';
require_once __DIR__ . '/includes/contact/mail.php';
require_once __DIR__ . '/includes/contact/kept.php';
require_once __DIR__ . '/includes/contact/kept-screen.php';
require_once __DIR__ . '/includes/contact/personal-data.php';
require_once __DIR__ . '/includes/contact/form-post.php';
require_once __DIR__ . '/includes/contact/site.php';
require_once __DIR__ . '/includes/settings.php';

therapist_attachment_article_trust_hooks();
register_activation_hook( __FILE__, 'therapist_attachment_article_activate' );

add_action( 'init', 'therapist_attachment_article_register' );
add_action( 'enqueue_block_editor_assets', 'therapist_attachment_article_editor_data' );
add_action( 'enqueue_block_assets', 'therapist_attachment_article_editor_canvas' );
add_action( 'wp_footer', 'therapist_attachment_article_json_ld' );
add_filter( 'no_texturize_tags', 'therapist_attachment_article_no_texturize' );
add_action( 'rest_api_init', 'therapist_attachment_article_register_contact_route' );
add_filter( 'rest_pre_serve_request', 'therapist_attachment_article_form_post_serve', 10, 2 );
add_action( THERAPIST_ATTACHMENT_ARTICLE_CLEANUP_EVENT, 'therapist_attachment_article_cleanup' );
add_action( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT, 'therapist_attachment_article_kept_retry' );
add_action( 'admin_notices', 'therapist_attachment_article_kept_notice' );
add_action( 'admin_notices', 'therapist_attachment_article_site_notices' );
add_action( 'admin_menu', 'therapist_attachment_article_kept_menu' );
add_action( 'admin_post_therapist_attachment_article_kept', 'therapist_attachment_article_kept_action' );
add_action( 'admin_post_therapist_attachment_article_test_message', 'therapist_attachment_article_test_message_action' );
add_action( 'admin_post_therapist_attachment_article_dismiss', 'therapist_attachment_article_dismiss' );
add_filter( 'site_status_tests', 'therapist_attachment_article_site_health_tests' );
add_filter( 'wp_privacy_personal_data_exporters', 'therapist_attachment_article_register_exporter' );
add_filter( 'wp_privacy_personal_data_erasers', 'therapist_attachment_article_register_eraser' );
add_action( 'admin_init', 'therapist_attachment_article_privacy_policy' );
add_action( 'admin_init', 'therapist_attachment_article_register_settings' );
add_action( 'admin_menu', 'therapist_attachment_article_settings_menu' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'therapist_attachment_article_settings_link' );
