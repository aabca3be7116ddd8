<?php
/**
 * How visitors reach out, in the shortcode and the block alike:
 * 1. `form` on or off, when given, decides;
 * 2. otherwise a valid link the author gives makes the button;
 * 3. otherwise the site's default link (Settings → Therapist Attachment Article) does;
 * 4. otherwise the contact form.
 * Beside the form the button's settings are dropped; with the plugin's own route the encoding
 * is. The site's default theme applies when none is given.
 *
 * @package TherapistAttachmentArticle
 */

final class ReachOutTest extends Therapist_Attachment_Article_Test_Case {

	/**
	 * Renders the shortcode and the block with the same settings, checks both, and returns the
	 * element's attributes (the same for both, but the block's class).
	 *
	 * @param array<string, string> $atts Shortcode attributes (`form` as on or off).
	 * @return array<string, string>
	 */
	private function reach( $atts ) {
		$block = array();
		foreach ( therapist_attachment_article_attribute_specs() as $key => $spec ) {
			if ( isset( $atts[ $key ] ) ) {
				$block[ $spec['block'] ] = 'switch' === $spec['type'] ? 'on' === $atts[ $key ] : $atts[ $key ];
			}
		}
		$shortcode_html = therapist_attachment_article_shortcode( $atts );
		$block_html     = $this->block( $block );
		$from_shortcode = $this->render_checked( $shortcode_html );
		$from_block     = $this->render_checked( $block_html );
		unset( $from_block['class'] );
		$this->assertSame( $from_shortcode, $from_block, 'The shortcode and the block agree' );
		$this->assertSame(
			substr( $shortcode_html, strpos( $shortcode_html, '><template' ) ),
			substr( $block_html, strpos( $block_html, '><template' ) ),
			'The same article'
		);
		return $from_shortcode;
	}

	/**
	 * @param array<string, string> $attributes The element's attributes.
	 * @return string The call to action the shadow root has: form or link.
	 */
	private function cta( $attributes ) {
		return isset( $attributes['form-action'] ) ? 'form' : 'link';
	}

	public function test_with_nothing_given_it_is_the_form() {
		$this->assertSame( self::WITH_FORM, $this->reach( array() ) );
	}

	public function test_a_link_given_makes_the_button() {
		$this->assertSame( array( 'cta-href' => '/book' ), $this->reach( array( 'cta_href' => '/book' ) ) );
		$this->assertSame(
			array( 'cta-href' => 'https://example.com/book', 'cta-label' => 'Book', 'cta-target' => '_blank' ),
			$this->reach( array( 'cta_href' => 'https://example.com/book', 'cta_label' => 'Book', 'cta_target' => '_blank' ) )
		);
	}

	public function test_a_link_that_is_refused_is_not_given() {
		$this->assertSame( self::WITH_FORM, $this->reach( array( 'cta_href' => 'javascript:alert(1)', 'cta_label' => 'Book' ) ) );
	}

	public function test_a_label_or_target_alone_is_not_a_link() {
		$this->assertSame( self::WITH_FORM, $this->reach( array( 'cta_label' => 'Book', 'cta_target' => '_blank' ) ) );
	}

	public function test_the_form_on_wins_over_a_link_and_drops_the_buttons_settings() {
		$this->assertSame(
			self::WITH_FORM,
			$this->reach( array( 'form' => 'on', 'cta_href' => '/book', 'cta_label' => 'Book', 'cta_target' => '_blank' ) )
		);
	}

	public function test_the_form_off_makes_the_button_and_drops_the_forms_settings() {
		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame( array(), $this->reach( array( 'form' => 'off', 'form_action' => 'https://forms.example.com/f', 'form_encoding' => 'urlencoded' ) ) );
		$this->assertSame( array( 'cta-href' => '/book' ), $this->reach( array( 'form' => 'off', 'cta_href' => '/book', 'form_action' => 'https://forms.example.com/f' ) ) );
	}

	public function test_the_sites_default_link_makes_the_button_when_nothing_else_decides() {
		$this->settings( array( 'default_cta_href' => '/contact-us' ) );
		$this->assertSame( array( 'cta-href' => '/contact-us' ), $this->reach( array() ) );
		$this->assertSame( array( 'cta-href' => '/contact-us', 'cta-label' => 'Write to us' ), $this->reach( array( 'cta_label' => 'Write to us' ) ) );
		$this->assertSame( array( 'cta-href' => '/book' ), $this->reach( array( 'cta_href' => '/book' ) ), 'The link given wins' );
		$this->assertSame( array( 'cta-href' => '/contact-us' ), $this->reach( array( 'cta_href' => 'javascript:alert(1)' ) ), 'A refused link is not given' );
		$this->assertSame( self::WITH_FORM, $this->reach( array( 'form' => 'on' ) ), 'The form on wins' );
	}

	public function test_with_the_form_off_the_button_links_to_the_sites_default_link() {
		// The block editor's preview shows the site's default link then (block/index.js): the
		// page must too, not the element's `#contact`.
		$this->settings( array( 'default_cta_href' => '/contact-us' ) );
		$this->assertSame( array( 'cta-href' => '/contact-us' ), $this->reach( array( 'form' => 'off' ) ) );
		$this->assertSame( array( 'cta-href' => '/book' ), $this->reach( array( 'form' => 'off', 'cta_href' => '/book' ) ) );
	}

	/**
	 * @dataProvider hostile_default_links
	 */
	public function test_the_sites_default_link_passes_the_same_checks_as_a_link_given( $stored, $expected ) {
		// The option may have been written by anything (WP-CLI, an import, another plugin), not
		// only by the settings screen, which checks what it saves. render_checked() checks that
		// the shadow root's button links where the element's attribute does.
		$this->settings( array( 'default_cta_href' => $stored ) );
		foreach ( array( array(), array( 'form' => 'off' ) ) as $atts ) {
			$attributes = $this->reach( $atts );
			if ( null === $expected ) {
				$this->assertSame( array() === $atts ? self::WITH_FORM : array(), $attributes );
			} else {
				$this->assertSame( array( 'cta-href' => $expected ), $attributes );
			}
			$html = therapist_attachment_article_shortcode( $atts + array( 'cta_label' => 'Go' ) );
			// The scheme and its payload, not the word: a JSON form's line says it "needs JavaScript".
			$this->assertDoesNotMatchRegularExpression( '/javascript\s*[:&]/i', html_entity_decode( $html, ENT_QUOTES | ENT_HTML5 ) );
			$this->assertStringNotContainsString( '<script', $html );
		}
	}

	public function hostile_default_links() {
		return array(
			'javascript'       => array( 'javascript:alert(1)', null ),
			'entity colon'     => array( 'javascript&#58;alert(1)', null ),
			'data'             => array( 'data:text/html,<script>alert(1)</script>', null ),
			'control character' => array( "/con\ntact", null ),
			'not a string'     => array( array( '/contact' ), null ),
			'attribute escape' => array( '"><script>alert(1)</script>', 'scriptalert(1)/script' ),
		);
	}

	public function test_the_sites_default_theme_applies_when_none_is_given() {
		$this->settings( array( 'default_theme' => 'dark' ) );
		$this->assertSame( array( 'theme' => 'dark' ) + self::WITH_FORM, $this->reach( array() ) );
		$this->assertSame( array( 'theme' => 'light' ) + self::WITH_FORM, $this->reach( array( 'theme' => 'light' ) ) );
		$this->assertSame( array( 'theme' => 'dark' ) + self::WITH_FORM, $this->reach( array( 'theme' => 'neon' ) ), 'A refused theme is not given' );
	}

	public function test_without_a_default_theme_the_element_blends_into_the_page() {
		$this->settings( array( 'default_theme' => '' ) );
		$this->assertSame( self::WITH_FORM, $this->reach( array() ) );
	}

	public function test_the_forms_encoding_goes_with_an_endpoint_of_the_authors_only() {
		$this->assertSame( self::WITH_FORM, $this->reach( array( 'form_encoding' => 'urlencoded' ) ), 'The plugin’s route reads both' );
		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame(
			array( 'form-action' => 'https://forms.example.com/f', 'form-encoding' => 'urlencoded' ),
			$this->reach( array( 'form_action' => 'https://forms.example.com/f', 'form_encoding' => 'urlencoded' ) )
		);
		$this->assertSame( 'form', $this->cta( $this->reach( array( 'form_action' => 'https://forms.example.com/f' ) ) ) );
	}

	public function test_a_form_action_given_does_not_by_itself_turn_the_button_into_the_form() {
		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame( array( 'cta-href' => '/book' ), $this->reach( array( 'cta_href' => '/book', 'form_action' => 'https://forms.example.com/f' ) ) );
		$this->settings( array( 'default_cta_href' => '/contact-us' ) );
		$this->assertSame( array( 'cta-href' => '/contact-us' ), $this->reach( array( 'form_action' => 'https://forms.example.com/f' ) ) );
	}
}
