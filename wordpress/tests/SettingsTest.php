<?php
/**
 * Settings → Therapist Attachment Article: the option, its sanitize callback through
 * WordPress's Settings API, the screen, the Plugins screen link, and uninstall.php.
 *
 * Each test runs in a PHP process of its own: the admin's files (wp-admin/includes/template.php,
 * plugin.php) are loaded here, and must not be there for the other tests, which check what
 * happens outside the admin.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 *
 * @package TherapistAttachmentArticle
 */

final class SettingsTest extends Therapist_Attachment_Article_Test_Case {

	const OPTION = 'therapist_attachment_article_settings';

	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . WPINC . '/class-wp-walker.php';
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		// What admin_init does on the settings screen and on options.php.
		therapist_attachment_article_register_settings();
	}

	/**
	 * Stores the option as if saved before (in the options cache: the tests have no database).
	 *
	 * @param mixed $value The stored value.
	 */
	private function store( $value ) {
		$options                 = wp_cache_get( 'alloptions', 'options' );
		$options[ self::OPTION ] = $value;
		wp_cache_set( 'alloptions', $options, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
	}

	/**
	 * Runs the option's sanitizing as update_option() and options.php do.
	 *
	 * @param mixed $input Submitted.
	 * @return array
	 */
	private function sanitize( $input ) {
		return sanitize_option( self::OPTION, $input );
	}

	/** The settings errors added, as [field code => message]. */
	private function errors() {
		$errors = array();
		foreach ( get_settings_errors( self::OPTION ) as $error ) {
			$errors[ $error['code'] ] = $error['message'];
			$this->assertSame( 'error', $error['type'] );
		}
		return $errors;
	}

	private function valid() {
		return array(
			'recipient'        => 'emily@example.test, office@example.test',
			'allowed_endpoints'    => "https://forms.example.com/f/abc123\nhttps://mail.example.org/form/",
			'keep_days'        => '14',
			'default_theme'    => 'dark',
			'default_cta_href' => '/contact',
		);
	}

	// ----------------------------------------------------------------------------------------
	// The getter

	public function test_without_a_saved_option_the_getter_gives_the_defaults() {
		$this->assertSame(
			array(
				'recipient'        => '',
				'allowed_endpoints'    => array(),
				'keep_days'        => 30,
				'default_theme'    => '',
				'default_cta_href' => '',
			),
			therapist_attachment_article_settings()
		);
	}

	public function test_the_getter_fills_in_missing_keys_and_ignores_wrong_shapes() {
		$this->store( array( 'recipient' => 'emily@example.test' ) );
		$this->assertSame(
			array(
				'recipient'        => 'emily@example.test',
				'allowed_endpoints'    => array(),
				'keep_days'        => 30,
				'default_theme'    => '',
				'default_cta_href' => '',
			),
			therapist_attachment_article_settings()
		);

		$this->store(
			array(
				'recipient'        => array( 'x' ),
				'allowed_endpoints'    => 'https://forms.example.com/f',
				'keep_days'        => 0,
				'default_theme'    => 'purple',
				'default_cta_href' => 5,
			)
		);
		$this->assertSame( therapist_attachment_article_settings_defaults(), therapist_attachment_article_settings() );

		$this->store( 'not an array' );
		$this->assertSame( therapist_attachment_article_settings_defaults(), therapist_attachment_article_settings() );
	}

	// ----------------------------------------------------------------------------------------
	// The sanitize callback

	public function test_the_option_is_registered_with_the_sanitize_callback() {
		$registered = get_registered_settings();
		$this->assertArrayHasKey( self::OPTION, $registered );
		$this->assertSame( 'therapist-attachment-article', $registered[ self::OPTION ]['group'] );
		$this->assertSame( 'array', $registered[ self::OPTION ]['type'] );
		$this->assertSame( 'therapist_attachment_article_sanitize_settings', $registered[ self::OPTION ]['sanitize_callback'] );
		$this->assertFalse( $registered[ self::OPTION ]['show_in_rest'] );
	}

	public function test_good_values_are_kept_in_their_clean_form() {
		$this->assertSame(
			array(
				'recipient'        => 'emily@example.test, office@example.test',
				'allowed_endpoints'    => array( 'https://forms.example.com/f/abc123', 'https://mail.example.org/form/' ),
				'keep_days'        => 14,
				'default_theme'    => 'dark',
				'default_cta_href' => '/contact',
			),
			$this->sanitize( $this->valid() )
		);
		$this->assertSame( array(), $this->errors() );
	}

	public function test_values_are_tidied_not_changed() {
		$clean = $this->sanitize(
			array(
				'recipient'        => ' emily@example.test ,, Emily@Example.test,office@example.test, ',
				'allowed_endpoints'    => "  https://forms.example.com/f/abc123 \r\n\r\nhttps://forms.example.com/f/abc123\rhttps://xn--bcher-kva.example/form\n",
				'default_theme'    => '',
				'default_cta_href' => ' https://example.com/book?x=1&y=2 ',
			)
		);
		$this->assertSame( 'emily@example.test, office@example.test', $clean['recipient'] );
		$this->assertSame( array( 'https://forms.example.com/f/abc123', 'https://xn--bcher-kva.example/form' ), $clean['allowed_endpoints'] );
		$this->assertSame( '', $clean['default_theme'] );
		$this->assertSame( 'https://example.com/book?x=1&y=2', $clean['default_cta_href'] );
		$this->assertSame( array(), $this->errors() );
	}

	public function test_empty_values_are_the_defaults() {
		$this->store( array_merge( $this->valid(), array( 'allowed_endpoints' => array( 'https://forms.example.com/f/abc123' ) ) ) );
		$this->assertSame(
			therapist_attachment_article_settings_defaults(),
			$this->sanitize(
				array(
					'recipient'        => '',
					'allowed_endpoints'    => '',
					'keep_days'        => '30',
					'default_theme'    => '',
					'default_cta_href' => '',
				)
			)
		);
		$this->assertSame( array(), $this->errors() );
	}

	/**
	 * @dataProvider bad_values
	 */
	public function test_a_bad_value_keeps_the_previous_one_and_names_its_field( $key, $value, $label ) {
		$previous = array(
			'recipient'        => 'emily@example.test',
			'allowed_endpoints'    => array( 'https://forms.example.com/f/abc123' ),
			'keep_days'        => 30,
			'default_theme'    => 'light',
			'default_cta_href' => '/contact',
		);
		$this->store( $previous );
		$input         = $previous;
		$input[ $key ] = $value;
		// Another field changed at the same time is saved.
		$other           = 'default_theme' === $key ? 'recipient' : 'default_theme';
		$input[ $other ] = 'default_theme' === $other ? 'auto' : 'new@example.test';

		$clean = $this->sanitize( $input );
		$this->assertSame( $previous[ $key ], $clean[ $key ] );
		$this->assertSame( $input[ $other ], $clean[ $other ] );

		$errors = $this->errors();
		$this->assertSame( array( 'therapist_attachment_article_' . $key ), array_keys( $errors ) );
		$this->assertStringStartsWith( $label . ':', $errors[ 'therapist_attachment_article_' . $key ] );
		$this->assertStringContainsString( 'The previous value was kept.', $errors[ 'therapist_attachment_article_' . $key ] );
		$this->assertStringNotContainsString( '<script', $errors[ 'therapist_attachment_article_' . $key ], 'The value is escaped in the notice' );
	}

	public function bad_values() {
		return array(
			'recipient not an address'        => array( 'recipient', 'emily', 'Send messages to' ),
			'recipient one bad of two'        => array( 'recipient', 'emily@example.test, nope', 'Send messages to' ),
			'recipient with a display name'   => array( 'recipient', 'Emily <emily@example.test>', 'Send messages to' ),
			'recipient with a header'         => array( 'recipient', "emily@example.test\nBcc: eve@example.net", 'Send messages to' ),
			'recipient markup'                => array( 'recipient', '<script>alert(1)</script>@x.y', 'Send messages to' ),
			'recipient not text'              => array( 'recipient', 5, 'Send messages to' ),
			'endpoint only a host'            => array( 'allowed_endpoints', 'forms.example.com', 'Other addresses that may receive messages' ),
			'endpoint only an origin'         => array( 'allowed_endpoints', 'https://formspree.io', 'Other addresses that may receive messages' ),
			'endpoint only an origin and /'   => array( 'allowed_endpoints', 'https://formspree.io/', 'Other addresses that may receive messages' ),
			'endpoint http'                   => array( 'allowed_endpoints', 'http://forms.example.com/f/abc', 'Other addresses that may receive messages' ),
			'endpoint a path on this site'    => array( 'allowed_endpoints', '/my-handler', 'Other addresses that may receive messages' ),
			'endpoint with a user'            => array( 'allowed_endpoints', 'https://me@forms.example.com/f/abc', 'Other addresses that may receive messages' ),
			'endpoint with dot segments'      => array( 'allowed_endpoints', 'https://forms.example.com/f/abc/../x', 'Other addresses that may receive messages' ),
			'endpoint with encoded dots'      => array( 'allowed_endpoints', 'https://forms.example.com/f/%2e%2e/x', 'Other addresses that may receive messages' ),
			'endpoint javascript'             => array( 'allowed_endpoints', 'javascript:alert(1)', 'Other addresses that may receive messages' ),
			'endpoint markup'                 => array( 'allowed_endpoints', '<script>alert(1)</script>', 'Other addresses that may receive messages' ),
			'endpoints not text'              => array( 'allowed_endpoints', 5, 'Other addresses that may receive messages' ),
			'endpoints a list with a non-string' => array( 'allowed_endpoints', array( 'https://a.example/f', array( 'b' ) ), 'Other addresses that may receive messages' ),
			'keep days 0'                     => array( 'keep_days', '0', 'Keep messages that could not be emailed for' ),
			'keep days 366'                   => array( 'keep_days', 366, 'Keep messages that could not be emailed for' ),
			'keep days not a number'          => array( 'keep_days', 'forever', 'Keep messages that could not be emailed for' ),
			'theme unknown'                   => array( 'default_theme', 'purple', 'Colour scheme' ),
			'theme not text'                  => array( 'default_theme', array( 'dark' ), 'Colour scheme' ),
			'theme in capitals'               => array( 'default_theme', 'DARK', 'Colour scheme' ),
			'link javascript'                 => array( 'default_cta_href', 'javascript:alert(1)', 'Instead of the contact form, link to' ),
			'link encoded javascript'         => array( 'default_cta_href', 'javascript&#58;alert(1)', 'Instead of the contact form, link to' ),
			'link data'                       => array( 'default_cta_href', 'data:text/html,<script>alert(1)</script>', 'Instead of the contact form, link to' ),
			'link with a tab'                 => array( 'default_cta_href', "java\tscript:alert(1)", 'Instead of the contact form, link to' ),
			'link ftp'                        => array( 'default_cta_href', 'ftp://example.com/', 'Instead of the contact form, link to' ),
			'link not text'                   => array( 'default_cta_href', array( '/contact' ), 'Instead of the contact form, link to' ),
		);
	}

	public function test_keys_not_submitted_are_unchanged_and_unknown_keys_dropped() {
		$this->store( array_merge( $this->valid(), array( 'allowed_endpoints' => array( 'https://forms.example.com/f/abc123' ) ) ) );
		$clean = $this->sanitize(
			array(
				'default_theme' => 'auto',
				'evil'          => 'x',
			)
		);
		$this->assertSame( array( 'recipient', 'allowed_endpoints', 'keep_days', 'default_theme', 'default_cta_href' ), array_keys( $clean ) );
		$this->assertSame( 'auto', $clean['default_theme'] );
		$this->assertSame( 'emily@example.test, office@example.test', $clean['recipient'] );
		$this->assertSame( array( 'https://forms.example.com/f/abc123' ), $clean['allowed_endpoints'] );
		$this->assertSame( therapist_attachment_article_settings(), $this->sanitize( 'nonsense' ), 'Not an array: nothing changes' );
	}

	public function test_sanitizing_twice_gives_the_same_and_no_error() {
		// update_option() and then add_option() both sanitize on the first save.
		$once = $this->sanitize( $this->valid() );
		$this->assertSame( $once, $this->sanitize( $once ) );
		$this->assertSame( array(), $this->errors() );
	}

	// ----------------------------------------------------------------------------------------
	// The recipient reaches the contact route

	public function test_the_saved_recipient_receives_the_messages_and_the_filter_applies_on_top() {
		$this->store( array( 'recipient' => 'emily@example.test, office@example.test' ) );
		$this->assertSame( 'emily@example.test, office@example.test', therapist_attachment_article_contact_recipient( array() ) );
		add_filter(
			'therapist_attachment_article_contact_recipient',
			static function ( $recipient ) {
				return $recipient . ', filtered@example.test';
			}
		);
		$this->assertSame( 'emily@example.test, office@example.test, filtered@example.test', therapist_attachment_article_contact_recipient( array() ) );
	}

	public function test_without_a_saved_recipient_the_admin_receives_the_messages() {
		$this->assertSame( 'admin@example.test', therapist_attachment_article_contact_recipient( array() ) );
	}

	// ----------------------------------------------------------------------------------------
	// The screen

	/** Lets the current user manage options (the tests have no users). */
	private function as_administrator() {
		wp_cookie_constants(); // As wp-settings.php does, for the nonce.
		require_once ABSPATH . WPINC . '/capabilities.php';
		require_once ABSPATH . WPINC . '/class-wp-user.php';
		require_once ABSPATH . WPINC . '/user.php';
		$GLOBALS['current_user'] = new class() extends WP_User {
			public function __construct() {
				$this->ID   = 1;
				$this->data = (object) array( 'ID' => 1 );
			}

			public function exists() {
				return true;
			}

			public function has_cap( $cap, ...$args ) {
				return 'manage_options' === $cap;
			}
		};
	}

	public function test_the_screen_is_under_settings_for_those_who_manage_options() {
		$this->as_administrator();
		// The Settings menu, as wp-admin/menu.php makes it.
		$GLOBALS['menu']             = array( 80 => array( 'Settings', 'manage_options', 'options-general.php', '', 'menu-top', 'menu-settings', 'dashicons-admin-settings' ) );
		$GLOBALS['admin_page_hooks'] = array( 'options-general.php' => 'settings' );
		$hook                        = therapist_attachment_article_settings_menu();
		$this->assertSame( 'settings_page_therapist-attachment-article', $hook );
		$this->assertSame( 10, has_action( 'admin_menu', 'therapist_attachment_article_settings_menu' ) );
		$this->assertSame( 10, has_action( 'admin_init', 'therapist_attachment_article_register_settings' ) );
		global $submenu;
		$entry = end( $submenu['options-general.php'] );
		$this->assertSame( array( 'Therapist Attachment Article', 'manage_options', 'therapist-attachment-article', 'Therapist Attachment Article' ), $entry );
	}

	public function test_the_screen_is_an_accessible_settings_api_form() {
		$this->as_administrator();
		$this->store(
			array(
				'recipient'        => 'emily@example.test',
				'allowed_endpoints' => array( 'https://forms.example.com/f/abc123', 'https://mail.example.org/form/' ),
				'keep_days'         => 14,
				'default_theme'     => 'dark',
				'default_cta_href'  => '/contact?a=1&b="2"',
			)
		);
		ob_start();
		therapist_attachment_article_settings_page();
		$html = ob_get_clean();

		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$xpath = new DOMXPath( $document );

		$this->assertSame( 'Therapist Attachment Article', trim( $xpath->query( '//h1' )->item( 0 )->textContent ) );
		$form = $xpath->query( '//form' )->item( 0 );
		$test = $xpath->query( '//form' )->item( 1 );
		$this->assertStringEndsWith( '/wp-admin/admin-post.php', $test->getAttribute( 'action' ) );
		$this->assertSame( 'therapist_attachment_article_test_message', $xpath->query( './/input[@name="action"]', $test )->item( 0 )->getAttribute( 'value' ) );
		$this->assertSame( 'Send a test message', $xpath->query( './/input[@type="submit"]', $test )->item( 0 )->getAttribute( 'value' ) );
		$this->assertSame( 'post', $form->getAttribute( 'method' ) );
		$this->assertStringEndsWith( '/wp-admin/options.php', $form->getAttribute( 'action' ) );
		$this->assertSame( 'therapist-attachment-article', $xpath->query( '//input[@name="option_page"]' )->item( 0 )->getAttribute( 'value' ) );
		$this->assertSame( 2, $xpath->query( '//input[@name="_wpnonce"]' )->length, 'The settings form\'s and the test message\'s' );
		$this->assertSame( 1, $xpath->query( '//*[@id="_wpnonce"]' )->length, 'Ids stay unique' );
		$this->assertSame( 3, $xpath->query( '//h2' )->length, 'Two sections, and the test message' );

		$controls = array(
			'recipient'        => array( 'input', 'emily@example.test' ),
			'allowed_endpoints' => array( 'textarea', "https://forms.example.com/f/abc123\nhttps://mail.example.org/form/" ),
			'keep_days'         => array( 'input', '14' ),
			'default_theme'    => array( 'select', 'dark' ),
			'default_cta_href' => array( 'input', '/contact?a=1&b="2"' ),
		);
		foreach ( $controls as $key => $expected ) {
			$control = $xpath->query( '//*[@name="' . self::OPTION . '[' . $key . ']"]' );
			$this->assertSame( 1, $control->length, $key );
			$control = $control->item( 0 );
			$this->assertSame( $expected[0], $control->nodeName );
			$id = $control->getAttribute( 'id' );
			// A label for it, with the field's name.
			$label = $xpath->query( '//label[@for="' . $id . '"]' );
			$this->assertSame( 1, $label->length, "A label for $key" );
			$this->assertSame( therapist_attachment_article_settings_fields()[ $key ]['label'], trim( $label->item( 0 )->textContent ) );
			// A description, tied to it.
			$described = $document->getElementById( $control->getAttribute( 'aria-describedby' ) );
			$this->assertNotNull( $described, "A description for $key" );
			$this->assertSame( 'description', $described->getAttribute( 'class' ) );
			$this->assertNotSame( '', trim( $described->textContent ) );
			// The saved value, shown as it is.
			if ( 'textarea' === $expected[0] ) {
				$value = $control->textContent;
			} elseif ( 'select' === $expected[0] ) {
				$value = $xpath->query( './/option[@selected]', $control )->item( 0 )->getAttribute( 'value' );
			} else {
				$value = $control->getAttribute( 'value' );
			}
			$this->assertSame( $expected[1], $value, $key );
		}

		// The colour schemes, with the labels of the block editor.
		$options = array();
		foreach ( $xpath->query( '//select/option' ) as $option ) {
			$options[ $option->getAttribute( 'value' ) ] = $option->textContent;
		}
		$this->assertSame( therapist_attachment_article_labels()['themes'], $options );
		$this->assertSame( array_merge( array( '' ), therapist_attachment_article_facts()['themes'] ), array_map( 'strval', array_keys( $options ) ) );
		$this->assertStringContainsString( 'admin@example.test', $html, 'Where messages go when the field is empty' );
		$this->assertSame( 2, $xpath->query( '//input[@type="submit"]' )->length, 'Save, and Send a test message' );
	}

	public function test_the_screen_shows_nothing_to_others() {
		require_once ABSPATH . WPINC . '/capabilities.php';
		require_once ABSPATH . WPINC . '/class-wp-user.php';
		require_once ABSPATH . WPINC . '/user.php';
		$GLOBALS['current_user'] = new class() extends WP_User {
			public function __construct() {
				$this->ID   = 2;
				$this->data = (object) array( 'ID' => 2 );
			}

			public function exists() {
				return true;
			}

			public function has_cap( $cap, ...$args ) {
				return false;
			}
		};
		ob_start();
		therapist_attachment_article_settings_page();
		$this->assertSame( '', ob_get_clean() );
		$this->assertFalse( therapist_attachment_article_settings_menu() );
	}

	public function test_the_plugins_screen_links_to_the_settings() {
		$hook = 'plugin_action_links_therapist-attachment-article/therapist-attachment-article.php';
		$this->assertSame( 10, has_filter( $hook, 'therapist_attachment_article_settings_link' ) );
		$links = apply_filters( $hook, array( 'deactivate' => '<a href="x">Deactivate</a>' ) );
		$this->assertSame( array( 'settings', 'deactivate' ), array_keys( $links ) );
		$this->assertMatchesRegularExpression( '~^<a href="https?://example\.test/wp-admin/options-general\.php\?page=therapist-attachment-article">Settings</a>$~', $links['settings'] );
	}

	// ----------------------------------------------------------------------------------------
	// Uninstall

	/**
	 * Runs uninstall.php as WordPress's uninstall_plugin() does, with a database stand-in that
	 * answers delete_option() and records every query.
	 *
	 * @return string[] The queries.
	 */
	private function uninstall() {
		$db = new class() extends wpdb {
			/** @var string[] */
			public $queries = array();

			public function __construct() {
				$this->ready   = true;
				$this->options = 'wp_options';
			}

			public function _real_escape( $data ) {
				return is_scalar( $data ) ? addslashes( (string) $data ) : '';
			}

			public function query( $query ) {
				$this->queries[] = $this->remove_placeholder_escape( $query );
				return 0;
			}

			public function get_row( $query = null, $output = OBJECT, $y = 0 ) {
				$this->queries[] = $query;
				return (object) array( 'autoload' => 'yes' );
			}

			public function delete( $table, $where, $where_format = null ) {
				$this->queries[] = 'DELETE ' . $table . ' ' . wp_json_encode( $where );
				return 1;
			}
		};
		$saved           = $GLOBALS['wpdb'];
		$GLOBALS['wpdb'] = $db;
		try {
			if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
				define( 'WP_UNINSTALL_PLUGIN', 'therapist-attachment-article/therapist-attachment-article.php' );
			}
			include WP_PLUGIN_DIR . '/therapist-attachment-article/uninstall.php';
		} finally {
			$GLOBALS['wpdb'] = $saved;
		}
		return $db->queries;
	}

	public function test_uninstall_deletes_the_option_and_the_cache_group() {
		$this->store( $this->valid() );
		$using = wp_using_ext_object_cache( true );
		wp_cache_set( 'taa_site_1', 3, 'therapist-attachment-article' );
		wp_cache_set( 'unrelated', 1, 'another-plugin' );
		$deleted = array();
		add_action(
			'delete_option',
			static function ( $option ) use ( &$deleted ) {
				$deleted[] = $option;
			}
		);
		try {
			$queries = $this->uninstall();
		} finally {
			wp_using_ext_object_cache( $using );
		}
		$this->assertSame( array( self::OPTION ), $deleted );
		$this->assertContains( 'DELETE wp_options {"option_name":"therapist_attachment_article_settings"}', $queries );
		$this->assertArrayNotHasKey( self::OPTION, wp_cache_get( 'alloptions', 'options' ) );
		wp_cache_set( 'notoptions', array( self::OPTION => true ), 'options' ); // As the next page view finds it.
		$this->assertSame( therapist_attachment_article_settings_defaults(), therapist_attachment_article_settings() );
		$this->assertFalse( wp_cache_get( 'taa_site_1', 'therapist-attachment-article' ) );
		$this->assertSame( 1, wp_cache_get( 'unrelated', 'another-plugin' ) );
	}

	public function test_uninstall_deletes_the_plugins_rows_kept_messages_included_and_old_transients() {
		$using = wp_using_ext_object_cache( false );
		try {
			$queries = $this->uninstall();
		} finally {
			wp_using_ext_object_cache( $using );
		}
		$like = end( $queries );
		$this->assertStringStartsWith( 'DELETE FROM wp_options WHERE option_name LIKE ', $like );
		// Claims, counters, kept messages, notices: every row of the store.
		$this->assertStringContainsString( "LIKE 'taa\\\\_%'", $like );
		foreach ( array( 'taa\\\\_rate\\\\_%', 'taa\\\\_site\\\\_%', 'taa\\\\_sent\\\\_%' ) as $prefix ) {
			$this->assertStringContainsString( "'\\\\_transient\\\\_" . $prefix . "'", $like );
			$this->assertStringContainsString( "'\\\\_transient\\\\_timeout\\\\_" . $prefix . "'", $like );
		}
	}

	public function test_uninstall_does_nothing_unless_wordpress_uninstalls_the_plugin() {
		$this->assertFalse( defined( 'WP_UNINSTALL_PLUGIN' ) );
		$php = file_get_contents( WP_PLUGIN_DIR . '/therapist-attachment-article/uninstall.php' );
		$this->assertMatchesRegularExpression( "/^defined\\( 'WP_UNINSTALL_PLUGIN' \\) \\|\\| exit;$/m", $php );
		$this->assertLessThan( strpos( $php, 'delete_option' ), strpos( $php, "defined( 'WP_UNINSTALL_PLUGIN' ) || exit;" ) );
	}
}
