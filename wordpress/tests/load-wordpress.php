<?php
/**
 * Loads the parts of a real WordPress that the plugin uses, from Debian's `wordpress` package
 * (or WP_CORE_DIR), without a database.
 *
 * WordPress's own SHORTINIT mode loads the hooks API, formatting.php (esc_attr, esc_html,
 * sanitize_text_field, esc_url, is_email) and functions.php; this adds kses.php (the URL
 * protocol checks), shortcodes.php (shortcode_atts, do_shortcode), the script queue, the block
 * API, the REST server (rest_do_request) and pluggable.php (wp_mail, wp_salt). Options come
 * from WordPress's object cache, primed below; any database query throws
 * (tests/wp-content/db.php).
 *
 * @package TherapistAttachmentArticle
 */

$core = rtrim( getenv( 'WP_CORE_DIR' ) ? getenv( 'WP_CORE_DIR' ) : '/usr/share/wordpress', '/' ) . '/';
if ( ! is_file( $core . 'wp-settings.php' ) ) {
	fwrite( STDERR, "WordPress not found in $core: install Debian's `wordpress` package or set WP_CORE_DIR.\n" );
	exit( 1 );
}

define( 'ABSPATH', $core );
define( 'SHORTINIT', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', true );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', 'https://example.test/wp-content' );
// The plugin is loaded from the working tree, as if installed in wp-content/plugins/.
define( 'WP_PLUGIN_DIR', dirname( __DIR__ ) );
define( 'WP_PLUGIN_URL', 'https://example.test/wp-content/plugins' );
define( 'WPMU_PLUGIN_DIR', WP_CONTENT_DIR . '/mu-plugins' );
define( 'WPMU_PLUGIN_URL', WP_CONTENT_URL . '/mu-plugins' );
define( 'WP_LANG_DIR', WP_CONTENT_DIR . '/languages' );

// PHPUnit includes this file from inside a function: variables that WordPress's files set at
// their top level must be declared global here, or they would stay local to that function.
global $table_prefix, $shortcode_tags;
$table_prefix = 'wp_';
$_SERVER['HTTP_HOST']   = 'example.test';
$_SERVER['SERVER_NAME'] = 'example.test';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '192.0.2.10';

// Keys as in wp-config.php: the plugin hashes with wp_salt( 'nonce' ), which would otherwise
// read and write the database.
define( 'NONCE_KEY', 'test nonce key: unique enough for tests' );
define( 'NONCE_SALT', 'test nonce salt: unique enough for tests' );

/** The site's options. Reading any other one is a database query, which fails the test. */
$GLOBALS['therapist_attachment_article_test_options'] = array(
	'blog_charset'        => 'UTF-8',
	'siteurl'             => 'https://example.test',
	'home'                => 'https://example.test',
	'blogname'            => 'Harbor &amp; Light Counseling',
	'admin_email'         => 'admin@example.test',
	'stylesheet'          => 'twentytwentythree',
	'template'            => 'twentytwentythree',
	'WPLANG'              => '',
	'permalink_structure' => '',
	'category_base'       => '',
	'tag_base'            => '',
	'rewrite_rules'       => '',
);

require ABSPATH . 'wp-settings.php';

// WordPress reads autoloaded options from its object cache before it would query the database.
wp_cache_set( 'alloptions', $GLOBALS['therapist_attachment_article_test_options'], 'options' );
// The plugin's own option is not saved: WordPress remembers that it looked and found none.
wp_cache_set( 'notoptions', array( 'therapist_attachment_article_settings' => true ), 'options' );

foreach (
	array(
		'l10n.php',
		'class-wp-textdomain-registry.php',
		'class-wp-locale.php',
		'kses.php',
		'shortcodes.php',
		'link-template.php',
		'theme.php',
		'script-loader.php', // The script queue (WP_Scripts) and the tag printing newer versions use.
		'blocks.php',
		'class-wp-block-type.php',
		'class-wp-block-type-registry.php',
		'class-wp-block-parser.php',
		'class-wp-block.php',
		'class-wp-block-list.php',
		'class-wp-block-supports.php',
		'block-supports/align.php',
		'block-supports/custom-classname.php',
		'block-supports/generated-classname.php',
		'rest-api.php',
		'class-wp-http-response.php',
		'rest-api/class-wp-rest-server.php',
		'rest-api/class-wp-rest-request.php',
		'rest-api/class-wp-rest-response.php',
		'class-wp-rewrite.php',
		'general-template.php', // get_bloginfo().
		'http.php', // wp_parse_url().
		'pluggable.php',
		'class-wp-http.php', // WP_Http's status codes, for the REST server's errors.
		'query.php', // is_feed().
		'class-wp-query.php',
		'post.php', // get_post(), for whose content is rendered.
		'class-wp-post.php',
		'capabilities.php', // user_can().
	) as $file
) {
	require_once ABSPATH . WPINC . '/' . $file;
}
$GLOBALS['wp_textdomain_registry'] = new WP_Textdomain_Registry();
$GLOBALS['wp_query']               = new WP_Query(); // An empty main query: not a feed, no post.

// default-filters.php hooks in code from files not loaded here (template, post, REST and
// script-loader functions): drop those hooks. Core's own `init` work needs them too.
foreach ( $GLOBALS['wp_filter'] as $hook_name => $hook ) {
	foreach ( $hook->callbacks as $priority => $callbacks ) {
		foreach ( $callbacks as $callback ) {
			if ( is_string( $callback['function'] ) && ! function_exists( $callback['function'] ) ) {
				remove_filter( $hook_name, $callback['function'], $priority );
			}
		}
	}
}
remove_all_actions( 'init' );
// Core's REST routes need the rest of WordPress; only the plugin's route is registered.
remove_all_actions( 'rest_api_init' );
$GLOBALS['wp_rewrite'] = new WP_Rewrite();
// Core's own scripts and styles, which these tests do not use.
remove_all_actions( 'wp_default_scripts' );
remove_all_actions( 'wp_default_styles' );

// Loaded the way wp-settings.php loads an active plugin.
$GLOBALS['wp_plugin_paths'] = array();
wp_register_plugin_realpath( WP_PLUGIN_DIR . '/therapist-attachment-article/therapist-attachment-article.php' );
require WP_PLUGIN_DIR . '/therapist-attachment-article/therapist-attachment-article.php';


// WordPress fires `init` once loaded: the plugin registers its script, shortcode and block.
do_action( 'init' );
