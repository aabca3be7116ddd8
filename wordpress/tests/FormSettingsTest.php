<?php
/**
 * The contact form's settings in the shortcode and the block: on by default and posting to
 * the plugin's own route, an off switch, and an endpoint of the author's choosing when the
 * author may choose one (TrustTest has that rule; here the post's author is an Administrator).
 *
 * @package TherapistAttachmentArticle
 */

final class FormSettingsTest extends Therapist_Attachment_Article_Test_Case {

	/**
	 * Runs $test with some options changed (and the rewrite rules rebuilt from them).
	 *
	 * @param array    $options Option name => value.
	 * @param callable $test    The test.
	 */
	private function with_options( $options, $test ) {
		$saved = wp_cache_get( 'alloptions', 'options' );
		wp_cache_set( 'alloptions', array_merge( $saved, $options ), 'options' );
		$GLOBALS['wp_rewrite'] = new WP_Rewrite();
		try {
			$test();
		} finally {
			wp_cache_set( 'alloptions', $saved, 'options' );
			$GLOBALS['wp_rewrite'] = new WP_Rewrite();
		}
	}

	/**
	 * @param array|string $atts Shortcode attributes, or the shortcode as written.
	 * @return string|null The element's form-action.
	 */
	private function form_action( $atts = '[therapist_attachment_article]' ) {
		$html       = is_array( $atts ) ? therapist_attachment_article_shortcode( $atts ) : $this->shortcode( $atts );
		$attributes = $this->render_checked( $html );
		return isset( $attributes['form-action'] ) ? $attributes['form-action'] : null;
	}

	public function test_the_default_form_action_is_the_plugins_route_as_a_path_on_the_site() {
		$this->assertSame( '/index.php?rest_route=/therapist-attachment-article/v1/contact', $this->form_action() );
		$this->assertSame( self::FORM_ACTION, therapist_attachment_article_contact_url() );
	}

	public function test_with_pretty_permalinks_the_form_action_is_the_wp_json_path() {
		$this->with_options(
			array( 'permalink_structure' => '/%postname%/' ),
			function () {
				$this->assertSame( '/wp-json/therapist-attachment-article/v1/contact', $this->form_action() );
			}
		);
	}

	public function test_a_site_in_a_subfolder_gets_the_subfolder_path() {
		$this->with_options(
			array(
				'permalink_structure' => '/%postname%/',
				'home'                => 'https://example.test/practice',
			),
			function () {
				$this->assertSame( '/practice/wp-json/therapist-attachment-article/v1/contact', $this->form_action() );
			}
		);
	}

	public function test_a_rest_api_on_another_host_keeps_its_full_https_url() {
		$other = static function ( $url ) {
			return preg_replace( '~^https?://example\.test/~', 'https://api.example.test/', $url );
		};
		add_filter( 'rest_url', $other );
		try {
			$this->assertSame( 'https://api.example.test/index.php?rest_route=/therapist-attachment-article/v1/contact', $this->form_action() );
		} finally {
			remove_filter( 'rest_url', $other );
		}
	}

	/**
	 * @dataProvider switch_words
	 */
	public function test_the_form_switch( $given, $expected_on ) {
		$action = $this->form_action( array( 'form' => $given ) );
		$this->assertSame( $expected_on ? self::FORM_ACTION : null, $action );
	}

	public function switch_words() {
		return array(
			'off'            => array( 'off', false ),
			'OFF'            => array( ' OFF ', false ),
			'no'             => array( 'no', false ),
			'false'          => array( 'false', false ),
			'0'              => array( '0', false ),
			'on'             => array( 'on', true ),
			'yes'            => array( 'yes', true ),
			'true'           => array( 'true', true ),
			'1'              => array( '1', true ),
			'empty'          => array( '', true ),
			'unknown'        => array( 'disabled', true ),
			'break-out'      => array( 'off" onload="alert(1)', true ),
		);
	}

	public function test_with_the_form_off_an_endpoint_and_encoding_are_dropped_too() {
		$attributes = $this->render_checked( $this->shortcode( '[therapist_attachment_article form="off" form_action="https://forms.example.com/f" form_encoding="urlencoded" cta_href="/contact"]' ) );
		$this->assertSame( array( 'cta-href' => '/contact' ), $attributes );
	}

	/**
	 * @dataProvider allowed_form_actions
	 */
	public function test_allowed_form_actions_reach_the_element( $given, $expected ) {
		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame( $expected, $this->form_action( array( 'form_action' => $given ) ) );
	}

	public function allowed_form_actions() {
		return array(
			'https'                 => array( 'https://formspree.io/f/abcd1234', 'https://formspree.io/f/abcd1234' ),
			'https with query'      => array( 'https://forms.example.com/f?a=1&b=2', 'https://forms.example.com/f?a=1&b=2' ),
			'upper-case scheme'     => array( 'HTTPS://forms.example.com/', 'https://forms.example.com/' ),
			'root-relative path'    => array( '/contact-handler', '/contact-handler' ),
			'relative file'         => array( 'send.php', 'send.php' ),
			'dot-relative path'     => array( './send', './send' ),
			'query on this page'    => array( '?send=1', '?send=1' ),
			'surrounding spaces'    => array( '  /contact-handler ', '/contact-handler' ),
		);
	}

	/**
	 * @dataProvider refused_form_actions
	 */
	public function test_refused_form_actions_fall_back_to_the_plugins_route( $given ) {
		$this->post_by( self::ADMINISTRATOR ); // Refused however trusted the author.
		$this->assertSame( self::FORM_ACTION, therapist_attachment_article_sanitize_attributes( array( 'form_action' => $given ) )['form-action'] );
		$this->assertSame( self::FORM_ACTION, $this->form_action( array( 'form_action' => $given ) ) );
	}

	public function refused_form_actions() {
		return array(
			'http (readable on the way)' => array( 'http://forms.example.com/f' ),
			'mailto'                     => array( 'mailto:emily@example.com' ),
			'tel'                        => array( 'tel:+15551234567' ),
			'fragment'                   => array( '#contact' ),
			'protocol-relative'          => array( '//evil.example/collect' ),
			'user and password'          => array( 'https://user:secret@forms.example.com/f' ),
			'user only'                  => array( 'https://user@forms.example.com/f' ),
			'javascript'                 => array( 'javascript:alert(1)' ),
			'entity colon'               => array( 'javascript&#58;alert(1)' ),
			'data'                       => array( 'data:text/html,<script>alert(1)</script>' ),
			'ftp'                        => array( 'ftp://example.com/' ),
			'https without a host'       => array( 'https:///path' ),
			'newline inside'             => array( "https://forms.example.com/\nf" ),
			'overlong'                   => array( 'https://forms.example.com/' . str_repeat( 'a', 3000 ) ),
			'empty'                      => array( '' ),
		);
	}

	public function test_markup_in_a_form_action_cannot_break_out_of_the_attribute() {
		$this->post_by( self::ADMINISTRATOR );
		$html = therapist_attachment_article_shortcode( array( 'form_action' => '/x"><script>alert(1)</script><a href="' ) );
		$this->assertNotSame( self::FORM_ACTION, $this->render_checked( $html )['form-action'] );
		$this->assertStringNotContainsString( '<script', $html );
	}

	/**
	 * @dataProvider encodings
	 */
	public function test_form_encoding_is_whitelisted( $given, $expected ) {
		$this->post_by( self::ADMINISTRATOR );
		$attributes = $this->render_checked( therapist_attachment_article_shortcode( array( 'form_action' => 'https://forms.example.com/f', 'form_encoding' => $given ) ) );
		$this->assertSame( 'https://forms.example.com/f', $attributes['form-action'] );
		$this->assertSame( $expected, isset( $attributes['form-encoding'] ) ? $attributes['form-encoding'] : null );
	}

	/**
	 * @dataProvider encodings
	 */
	public function test_the_plugins_route_takes_no_encoding( $given ) {
		// The route reads JSON and form bodies alike: the element's default is right for it.
		$this->assertSame( self::WITH_FORM, $this->render_checked( therapist_attachment_article_shortcode( array( 'form_encoding' => $given ) ) ) );
		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame( self::WITH_FORM, $this->render_checked( therapist_attachment_article_shortcode( array( 'form_action' => 'ftp://x.example/', 'form_encoding' => $given ) ) ) );
	}

	public function encodings() {
		return array(
			'json'              => array( 'json', 'json' ),
			'urlencoded'        => array( 'urlencoded', 'urlencoded' ),
			'upper case'        => array( ' URLENCODED ', 'urlencoded' ),
			'multipart'         => array( 'multipart', null ),
			'a MIME type'       => array( 'application/json', null ),
			'break-out'         => array( 'json" onclick="alert(1)', null ),
		);
	}
}
