<?php
/**
 * The shortcode's output, from friendly and hostile attribute values.
 *
 * @package TherapistAttachmentArticle
 */

final class ShortcodeTest extends Therapist_Attachment_Article_Test_Case {

	public function test_without_attributes_renders_the_element_with_the_contact_form_so_its_other_defaults_apply() {
		$html = $this->shortcode( '[therapist_attachment_article]' );
		$this->assertSame(
			'<therapist-attachment-article form-action="/index.php?rest_route=/therapist-attachment-article/v1/contact" form-encoding="urlencoded">'
				. therapist_attachment_article_prerender( self::WITH_FORM ) . '</therapist-attachment-article>',
			$html
		);
		$this->assertStringStartsWith( '<therapist-attachment-article form-action="/index.php?rest_route=/therapist-attachment-article/v1/contact" form-encoding="urlencoded"><template shadowroot="open" shadowrootmode="open"><style>', $html );
		$this->assertSame( self::WITH_FORM, $this->render_checked( $html ) );
	}

	public function test_with_the_form_off_renders_the_element_with_its_default_button() {
		$html = $this->shortcode( '[therapist_attachment_article form="off"]' );
		$this->assertSame(
			'<therapist-attachment-article>' . therapist_attachment_article_prerender( array() ) . '</therapist-attachment-article>',
			$html
		);
		$this->assertSame( array(), $this->render_checked( $html ) );
		$article = $this->article( $this->element( $html ) );
		$this->assertSame( array( '#contact', 'Reach out', '_self' ), array( $article['href'], $article['label'], $article['target'] ) );
	}

	public function test_passes_every_setting_of_the_button_to_the_element() {
		$html = $this->shortcode( '[therapist_attachment_article cta_href="/contact" theme="dark" heading_level="3" cta_label="Book a consult" cta_target="_blank"]' );
		$this->assertStringStartsWith(
			'<therapist-attachment-article heading-level="3" theme="dark" cta-href="/contact" cta-label="Book a consult" cta-target="_blank"><template shadowroot="open" shadowrootmode="open">',
			$html
		);
		$this->render_checked( $html );
		$article = $this->article( $this->element( $html ) );
		$this->assertSame( 'h3', $article['heading'] );
		$this->assertSame( 'article theme-dark', $article['class'] );
		$this->assertSame( array( '/contact', 'Book a consult', '_blank', 'noopener noreferrer' ), array( $article['href'], $article['label'], $article['target'], $article['rel'] ) );
	}

	public function test_passes_every_setting_of_the_form_to_the_element_when_its_author_may_choose_the_endpoint() {
		$this->post_by( self::ADMINISTRATOR );
		$html = $this->shortcode( '[therapist_attachment_article theme="dark" heading_level="3" form_action="https://forms.example.com/f/abc" form_encoding="urlencoded"]' );
		$this->assertStringStartsWith(
			'<therapist-attachment-article heading-level="3" theme="dark" form-action="https://forms.example.com/f/abc" form-encoding="urlencoded"><template shadowroot="open" shadowrootmode="open">',
			$html
		);
		$this->assertSame( 'form', $this->article( $this->element( $html ) )['cta'] );
		$this->render_checked( $html );
	}

	public function test_unknown_attribute_names_are_dropped() {
		$html = $this->shortcode( '[therapist_attachment_article onclick="alert(1)" style="color:red" class="x" id="y" foo="bar" data-x="1" slot="cta" 0="positional" theme="light"]' );
		$this->assertSame( array( 'theme' => 'light' ) + self::WITH_FORM, $this->render_checked( $html ) );
	}

	public function test_enclosed_content_is_ignored() {
		$html = $this->shortcode( '[therapist_attachment_article theme="auto"]<script>alert(1)</script><img src=x onerror=alert(1)>[/therapist_attachment_article]' );
		$this->assertSame( array( 'theme' => 'auto' ) + self::WITH_FORM, $this->render_checked( $html ) );
		$this->assertStringNotContainsString( 'alert', $html );
	}

	/**
	 * @dataProvider shortcode_syntax_tricks
	 */
	public function test_shortcode_syntax_tricks_cannot_add_attributes( $text ) {
		$html = $this->shortcode( $text );
		$this->render_checked( $html );
		$this->assertStringNotContainsStringIgnoringCase( 'onmouseover=', preg_replace( '/"[^"]*"/', '""', $html ) );
	}

	public function shortcode_syntax_tricks() {
		return array(
			'quote in unquoted value'  => array( '[therapist_attachment_article theme=dark" onmouseover="alert(1)]' ),
			'quote in single quotes'   => array( '[therapist_attachment_article cta_label=\'" onmouseover="alert(1)\']' ),
			'closing tag in value'     => array( '[therapist_attachment_article cta_label="a></therapist-attachment-article><script>alert(1)</script>"]' ),
			'entity-encoded quote'     => array( '[therapist_attachment_article cta_label="&quot; onmouseover=&quot;alert(1)"]' ),
			'bracket in value'         => array( '[therapist_attachment_article cta_label="]" onmouseover="alert(1)"]' ),
			'attribute-name injection' => array( '[therapist_attachment_article onmouseover="alert(1)" theme="dark"]' ),
		);
	}

	public function test_a_later_duplicate_attribute_wins_and_is_checked_too() {
		$html = $this->shortcode( '[therapist_attachment_article cta_href="/contact" cta_href="javascript:alert(1)"]' );
		$this->assertSame( self::WITH_FORM, $this->render_checked( $html ) );
	}

	public function test_attribute_names_are_case_insensitive_like_all_shortcode_attributes() {
		$html = $this->shortcode( '[therapist_attachment_article THEME="dark" Cta_Label="Hello" Form="OFF"]' );
		$this->assertSame( array( 'theme' => 'dark', 'cta-label' => 'Hello' ), $this->render_checked( $html ) );
		$this->assertSame( 'Hello', $this->article( $this->element( $html ) )['label'] );
	}

	/**
	 * @dataProvider allowed_urls
	 */
	public function test_allowed_urls_reach_the_element( $given, $expected ) {
		$attributes = $this->render_checked( therapist_attachment_article_shortcode( array( 'cta_href' => $given ) ) );
		$this->assertSame( $expected, $attributes['cta-href'] ?? null );
	}

	public function allowed_urls() {
		return array(
			'root-relative path'          => array( '/contact', '/contact' ),
			'fragment'                    => array( '#contact', '#contact' ),
			'query'                       => array( '?page=2', '?page=2' ),
			'relative file'               => array( 'contact.html', 'contact.html' ),
			'dot-relative path'           => array( './contact', './contact' ),
			'parent-relative path'        => array( '../contact/', '../contact/' ),
			'https with query'            => array( 'https://example.com/book?x=1&y=2', 'https://example.com/book?x=1&y=2' ),
			'http'                        => array( 'http://example.com/', 'http://example.com/' ),
			'upper-case scheme'           => array( 'HTTPS://EXAMPLE.COM/', 'https://EXAMPLE.COM/' ),
			'protocol-relative'           => array( '//example.com/book', '//example.com/book' ),
			'mailto'                      => array( 'mailto:hello@example.com?subject=Hi%20there', 'mailto:hello@example.com?subject=Hi%20there' ),
			'tel'                         => array( 'tel:+15551234567', 'tel:+15551234567' ),
			'surrounding spaces'          => array( "  /contact \n", '/contact' ),
			'space inside'                => array( 'https://example.com/a b', 'https://example.com/a%20b' ),
			'ampersand as the editor saves it' => array( '/contact?a=1&amp;b=2', '/contact?a=1&b=2' ),
			'non-ASCII path'              => array( 'https://example.com/ä', 'https://example.com/ä' ),
		);
	}

	/**
	 * @dataProvider hostile_urls
	 */
	public function test_hostile_urls_are_dropped_so_the_default_applies( $given ) {
		// Dropped, the link is not given: the contact form takes its place.
		$html       = therapist_attachment_article_shortcode( array( 'cta_href' => $given ) );
		$attributes = $this->render_checked( $html );
		$this->assertArrayNotHasKey( 'cta-href', $attributes, "Kept: $html" );
		$this->assertSame( self::WITH_FORM, $attributes );

		// With the form off, the button links to the element's default.
		$html       = therapist_attachment_article_shortcode( array( 'cta_href' => $given, 'form' => 'off' ) );
		$attributes = $this->render_checked( $html );
		$this->assertArrayNotHasKey( 'cta-href', $attributes, "Kept: $html" );
		$this->assertSame( '#contact', $this->article( $this->element( $html ) )['href'] );
	}

	public function hostile_urls() {
		return array(
			'javascript'                    => array( 'javascript:alert(1)' ),
			'mixed case'                    => array( 'JaVaScRiPt:alert(1)' ),
			'leading space'                 => array( ' javascript:alert(1)' ),
			'tab inside'                    => array( "java\tscript:alert(1)" ),
			'newline inside'                => array( "java\nscript:alert(1)" ),
			'control character first'       => array( "\x01javascript:alert(1)" ),
			'NUL inside'                    => array( "java\x00script:alert(1)" ),
			'decimal entity for a letter'   => array( '&#106;avascript:alert(1)' ),
			'hex entity for a letter'       => array( '&#x6A;avascript:alert(1)' ),
			'entity tab'                    => array( 'jav&#x09;ascript:alert(1)' ),
			'entity colon'                  => array( 'javascript&#58;alert(1)' ),
			'entity colon, no semicolon'    => array( 'javascript&#58alert(1)' ),
			'zero-padded entity colon'      => array( 'javascript&#0058;alert(1)' ),
			'hex entity colon'              => array( 'javascript&#x3A;alert(1)' ),
			'padded colon, no semicolon'    => array( 'javascript&#0058alert(1)' ),
			'named entity colon'            => array( 'javascript&colon;alert(1)' ),
			'double-encoded colon'          => array( 'javascript&amp;#58;alert(1)' ),
			'data HTML'                     => array( 'data:text/html,<script>alert(1)</script>' ),
			'data base64'                   => array( 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' ),
			'vbscript'                      => array( 'vbscript:msgbox(1)' ),
			'vbscript mixed case'           => array( 'VBScript:msgbox(1)' ),
			'file'                          => array( 'file:///etc/passwd' ),
			'blob'                          => array( 'blob:https://example.com/1' ),
			'ftp'                           => array( 'ftp://example.com/' ),
			'byte-order mark first'         => array( "\u{FEFF}javascript:alert(1)" ),
			'zero-width space inside'       => array( "java\u{200B}script:alert(1)" ),
			'full-width letters'            => array( 'ｊａｖａｓｃｒｉｐｔ:alert(1)' ),
			'line separator first'          => array( "\u{2028}javascript:alert(1)" ),
			'no-break space before colon'   => array( "javascript\u{00A0}:alert(1)" ),
			'overlong'                      => array( 'https://example.com/' . str_repeat( 'a', 3000 ) ),
			'empty'                         => array( '' ),
			'only spaces'                   => array( '   ' ),
		);
	}

	public function test_markup_in_a_url_cannot_break_out_of_the_attribute() {
		$html = therapist_attachment_article_shortcode( array( 'cta_href' => '/x"><script>alert(1)</script><a href="' ) );
		$this->assertArrayHasKey( 'cta-href', $this->render_checked( $html ) );
		$this->assertStringNotContainsString( '<script', $html );
	}

	/**
	 * @dataProvider labels
	 */
	public function test_labels_are_plain_text( $given, $expected ) {
		// The label is the button's: with the form off (beside the form it is dropped).
		$html       = therapist_attachment_article_shortcode( array( 'cta_label' => $given, 'form' => 'off' ) );
		$attributes = $this->render_checked( $html );
		$this->assertSame( $expected, $attributes['cta-label'] ?? null );
		$this->assertSame( $expected ?? 'Reach out', $this->article( $this->element( $html ) )['label'] );
		$this->assertSame( self::WITH_FORM, $this->render_checked( therapist_attachment_article_shortcode( array( 'cta_label' => $given ) ) ) );
	}

	public function labels() {
		return array(
			'plain'                  => array( 'Book a consult', 'Book a consult' ),
			'attribute break-out'    => array( '" onmouseover="alert(1)', '" onmouseover="alert(1)' ),
			'single-quote break-out' => array( "' onmouseover='alert(1)", "' onmouseover='alert(1)" ),
			'script element'         => array( '<script>alert(1)</script>', null ),
			'markup'                 => array( 'Book <b>now</b>', 'Book now' ),
			'image with handler'     => array( 'Hi <img src=x onerror=alert(1)>', 'Hi' ),
			'line breaks and tabs'   => array( "Line\nbreak\tand   spaces", 'Line break and spaces' ),
			'encoded ampersand'      => array( 'Tom &amp; Jerry', 'Tom & Jerry' ),
			'non-ASCII'              => array( 'Prendre rendez-vous — café ☕', 'Prendre rendez-vous — café ☕' ),
			'invalid UTF-8'          => array( "Book \xC3\x28", null ),
			'only spaces'            => array( "   \t ", null ),
			'overlong'               => array( str_repeat( 'é', 500 ), str_repeat( 'é', 120 ) ),
		);
	}

	/**
	 * @dataProvider enumerated_values
	 */
	public function test_enumerated_values_are_whitelisted( $name, $given, $expected ) {
		// The form off, for the button's target to apply.
		$attributes = $this->render_checked( therapist_attachment_article_shortcode( array( $name => $given, 'form' => 'off' ) ) );
		$element    = str_replace( '_', '-', $name );
		$this->assertSame( $expected, $attributes[ $element ] ?? null );
	}

	public function enumerated_values() {
		return array(
			'theme light'               => array( 'theme', 'light', 'light' ),
			'theme dark'                => array( 'theme', 'dark', 'dark' ),
			'theme auto'                => array( 'theme', 'auto', 'auto' ),
			'theme upper case'          => array( 'theme', ' DARK ', 'dark' ),
			'theme unknown'             => array( 'theme', 'neon', null ),
			'theme empty'               => array( 'theme', '', null ),
			'theme break-out'           => array( 'theme', 'dark" onload="alert(1)', null ),
			'theme partial'             => array( 'theme', 'dark light', null ),
			'target _self'              => array( 'cta_target', '_self', '_self' ),
			'target _blank'             => array( 'cta_target', '_blank', '_blank' ),
			'target _top'               => array( 'cta_target', '_top', '_top' ),
			'target upper case'         => array( 'cta_target', '_BLANK', '_blank' ),
			'target _parent'            => array( 'cta_target', '_parent', null ),
			'target named frame'        => array( 'cta_target', 'myframe', null ),
			'target script'             => array( 'cta_target', 'javascript:alert(1)', null ),
			'heading 1'                 => array( 'heading_level', '1', '1' ),
			'heading 6'                 => array( 'heading_level', '6', '6' ),
			'heading with spaces'       => array( 'heading_level', ' 4 ', '4' ),
			'heading 0'                 => array( 'heading_level', '0', null ),
			'heading 7'                 => array( 'heading_level', '7', null ),
			'heading negative'          => array( 'heading_level', '-1', null ),
			'heading 2abc'              => array( 'heading_level', '2abc', null ),
			'heading decimal'           => array( 'heading_level', '3.0', null ),
			'heading exponent'          => array( 'heading_level', '1e1', null ),
			'heading h3'                => array( 'heading_level', 'h3', null ),
			'heading huge'              => array( 'heading_level', '99999999999999999999', null ),
			'heading full-width digit'  => array( 'heading_level', '３', null ),
		);
	}

	public function test_values_that_are_not_strings_are_dropped() {
		$html = therapist_attachment_article_shortcode(
			array(
				'cta_href'      => array( '/contact' ),
				'cta_label'     => (object) array( 'x' => 1 ),
				'theme'         => true,
				'heading_level' => 3.0,
				'form'          => array( 'off' ),
				'form_action'   => array( 'https://forms.example.com/' ),
				'form_encoding' => 1,
			)
		);
		$this->assertSame( self::WITH_FORM, $this->render_checked( $html ) );
	}
}
