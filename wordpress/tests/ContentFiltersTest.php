<?php
/**
 * The article as the page shows it after WordPress's content filters (`the_content`): its text
 * is the author's, character for character; wptexturize() and convert_smilies() leave it be.
 *
 * @package TherapistAttachmentArticle
 */

final class ContentFiltersTest extends Therapist_Attachment_Article_Test_Case {

	protected function setUp(): void {
		parent::setUp();
		// Smilies are on in a new WordPress (`use_smilies` is 1).
		$this->filter( 'pre_option_use_smilies', '__return_true' );
		smilies_init();
	}

	/**
	 * Post content through the text filters of `the_content`, in WordPress's order:
	 * do_blocks (9), wptexturize, wpautop unless there were blocks, shortcode_unautop (10),
	 * do_shortcode (11), convert_smilies (20).
	 *
	 * @param string $content Post content as saved.
	 * @return string HTML.
	 */
	private function the_content( $content ) {
		$blocks  = has_blocks( $content );
		$content = do_blocks( $content );
		$content = wptexturize( $content );
		if ( ! $blocks ) {
			$content = wpautop( $content );
		}
		$content = shortcode_unautop( $content );
		$content = do_shortcode( $content );
		return convert_smilies( $content );
	}

	/**
	 * The article's paragraphs as schema.org's articleBody has them (the JSON-LD).
	 *
	 * @return string[]
	 */
	private function article_body() {
		$json_ld = therapist_attachment_article_structured_data()['json_ld'];
		$this->assertSame( 1, preg_match( '~^<script type="application/ld\+json">(.*)</script>$~s', $json_ld, $match ) );
		$data = json_decode( $match[1], true );
		$this->assertIsArray( $data );
		return explode( "\n\n", $data['articleBody'] );
	}

	/**
	 * Asserts the element's shadow root holds the author's text exactly, and returns it.
	 *
	 * @param DOMElement $element The element.
	 * @return array<string, mixed> From article().
	 */
	private function assertAuthorsText( DOMElement $element ) {
		$article = $this->article( $element );
		$facts   = therapist_attachment_article_facts();
		$this->assertSame( $facts['title'], $article['title'] );
		$this->assertSame( 'Is it "Normal" to be Attached to your Therapist?', $article['title'], 'Straight quotes, as the author wrote them' );
		$this->assertSame( $this->article_body(), $article['paragraphs'] );
		$this->assertSame( $this->authors_text()['paragraphs'], $article['paragraphs'] );
		$this->assertSame( $facts['signature'], $article['signature'] );
		$body = $article['paragraphs'][ count( $article['paragraphs'] ) - 2 ];
		$this->assertStringEndsWith( 'as a therapist :)', $body, 'The closing “:)” is text, not a smiley image' );
		return $article;
	}

	public function test_the_filters_do_run_here() {
		// Outside the element, WordPress changes text as it always does: proof that the
		// assertions below are not vacuous.
		$html = $this->the_content( '<!-- wp:paragraph --><p>"Normal" -- yes :)</p><!-- /wp:paragraph -->' );
		$this->assertStringNotContainsString( '"Normal"', $html );
		$this->assertStringNotContainsString( ' -- ', $html );
		$this->assertStringNotContainsString( ':)', $html );
	}

	public function test_the_block_keeps_the_authors_text() {
		$html = $this->the_content(
			'<!-- wp:paragraph --><p>"Before" -- :)</p><!-- /wp:paragraph -->'
			. '<!-- wp:therapist-attachment-article/article /-->'
			. '<!-- wp:therapist-attachment-article/article {"showForm":false,"headingLevel":3} /-->'
		);
		$elements = $this->elements( $html );
		$this->assertCount( 2, $elements );
		foreach ( $elements as $element ) {
			$this->assertAuthorsText( $element );
		}
		$this->assertSame( 'form', $this->article( $elements[0] )['cta'] );
		$this->assertSame( 'h3', $this->article( $elements[1] )['heading'] );
	}

	public function test_the_shortcode_in_a_classic_post_keeps_the_authors_text() {
		$html = $this->the_content( "\"Before\" -- :)\n\n[therapist_attachment_article]\n\nAfter ;)\n\n<p>Inline [therapist_attachment_article form=\"off\"] text.</p>" );
		$elements = $this->elements( $html );
		$this->assertCount( 2, $elements );
		foreach ( $elements as $element ) {
			$this->assertAuthorsText( $element );
		}
	}

	/**
	 * @dataProvider labels
	 */
	public function test_a_label_is_shown_as_typed( $label ) {
		$block     = '<!-- wp:therapist-attachment-article/article ' . wp_json_encode( array( 'ctaHref' => '/contact', 'ctaLabel' => $label ) ) . ' /-->';
		$shortcode = '[therapist_attachment_article cta_href="/contact" cta_label="' . esc_attr( $label ) . '"]';
		foreach ( array( $block, $shortcode ) as $content ) {
			$element = $this->element( $this->the_content( $content ) );
			$this->assertSame( $label, $this->attributes( $element )['cta-label'], 'The attribute' );
			$this->assertSame( $label, $this->assertAuthorsText( $element )['label'], 'The pre-rendered button' );
		}
	}

	public function labels() {
		return array(
			'smiley'              => array( 'Talk soon :)' ),
			'wink'                => array( 'Say hi ;) today' ),
			'words smilies'       => array( 'Hello :smile: and :mrgreen:' ),
			'smilies without colon' => array( 'Book now 8-) or 8O today' ),
			'double quotes'       => array( 'Book a "free" call' ),
			'apostrophe'          => array( "Let's talk" ),
			'dashes and ellipsis' => array( 'Call -- or write... (c) 2x3' ),
			'a colon'             => array( 'Book a call: today' ),
		);
	}

	public function test_in_a_feed_the_article_is_plain_html_without_script() {
		$GLOBALS['wp_query']->is_feed = true;
		try {
			$html = $this->block( array( 'theme' => 'dark' ) );
		} finally {
			$GLOBALS['wp_query']->is_feed = false;
		}
		$this->assertSame( therapist_attachment_article_structured_data()['seo_markup'], $html );
		$this->assertSame( array(), $this->elements( $html ) );
		$this->assertFalse( wp_script_is( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT, 'enqueued' ) );
		$document = $this->parse( $html );
		$this->assertSame( therapist_attachment_article_facts()['title'], $document->getElementsByTagName( 'h2' )->item( 0 )->textContent );
	}
}
