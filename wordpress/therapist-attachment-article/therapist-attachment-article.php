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
require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/register.php';
require_once __DIR__ . '/includes/contact.php';
require_once __DIR__ . '/includes/settings.php';

add_action( 'init', 'therapist_attachment_article_register' );
add_action( 'enqueue_block_editor_assets', 'therapist_attachment_article_editor_data' );
add_action( 'enqueue_block_assets', 'therapist_attachment_article_editor_canvas' );
add_action( 'wp_footer', 'therapist_attachment_article_json_ld' );
add_filter( 'no_texturize_tags', 'therapist_attachment_article_no_texturize' );
add_action( 'rest_api_init', 'therapist_attachment_article_register_contact_route' );
add_action( 'admin_init', 'therapist_attachment_article_privacy_policy' );
add_action( 'admin_init', 'therapist_attachment_article_register_settings' );
add_action( 'admin_menu', 'therapist_attachment_article_settings_menu' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'therapist_attachment_article_settings_link' );
