<?php
/**
 * Step 1 of the end-to-end tests (support/site.mjs runs it): creates the database, installs
 * WordPress, installs the plugin zip through WordPress's own upgrader (what Plugins → Add New →
 * Upload Plugin does) and activates it, and adds an Author. Prints a JSON report.
 *
 * Usage: php install.php WORDPRESS_DIR PLUGIN_ZIP
 *
 * @package TherapistAttachmentArticle
 */

list( , $wp_dir, $zip ) = $argv;

define( 'WP_INSTALLING', true );
require $wp_dir . '/wp-config-db.php';

// The database, through the same socket WordPress will use.
$socket = substr( DB_HOST, strlen( 'localhost:' ) );
$db     = new mysqli( 'localhost', DB_USER, DB_PASSWORD, '', 0, $socket );
$db->query( 'CREATE DATABASE IF NOT EXISTS `' . DB_NAME . '` CHARACTER SET utf8mb4' );
$db->close();

// No mail server here: WordPress would try to mail the new site's password.
function wp_new_blog_notification() {}

require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$installed = wp_install( 'Therapist Attachment Article test site', 'admin', 'admin@example.test', true, '', 'admin-password' );

require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

wp_set_current_user( $installed['user_id'] );
$skin     = new WP_Ajax_Upgrader_Skin();
$upgrader = new Plugin_Upgrader( $skin );
$result   = $upgrader->install( $zip );
$plugin   = $upgrader->plugin_info();

$activated = is_string( $plugin ) ? activate_plugin( $plugin ) : new WP_Error( 'no_plugin', 'Nothing installed' );

$author_id = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => 'author-password',
		'user_email' => 'author@example.test',
		'role'       => 'author',
	)
);

echo wp_json_encode(
	array(
		'wp_version'   => get_bloginfo( 'version' ),
		'php_version'  => PHP_VERSION,
		'theme'        => get_stylesheet(),
		'install'      => true === $result ? true : ( is_wp_error( $result ) ? $result->get_error_message() : $result ),
		'skin_errors'  => $skin->get_errors()->get_error_messages(),
		'plugin'       => $plugin,
		'activated'    => null === $activated ? true : $activated->get_error_message(),
		'active'       => get_option( 'active_plugins' ),
		'author_id'    => is_wp_error( $author_id ) ? $author_id->get_error_message() : $author_id,
	)
);
