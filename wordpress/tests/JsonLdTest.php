<?php
/**
 * The article's schema.org BlogPosting JSON-LD: printed once in the page's footer when the
 * page shows the article, however many times it does; never otherwise.
 *
 * The plugin remembers in a static variable whether the page used the article, as for one
 * page view: each test runs in a process of its own, a new page view.
 *
 * @package TherapistAttachmentArticle
 */

/**
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class JsonLdTest extends Therapist_Attachment_Article_Test_Case {

	protected function setUp(): void {
		parent::setUp();
		// The plugin's own footer work, alone: core's (global styles, the footer scripts)
		// needs parts of WordPress these tests do not load. This process ends with the test.
		$priority = has_action( 'wp_footer', 'therapist_attachment_article_json_ld' );
		$this->assertIsInt( $priority, 'The plugin prints its JSON-LD on wp_footer' );
		remove_all_actions( 'wp_footer' );
		add_action( 'wp_footer', 'therapist_attachment_article_json_ld', $priority );
	}

	/**
	 * The footer of the page: what `wp_footer` prints, as many times as it is asked.
	 *
	 * @param int $times How many times `wp_footer` runs.
	 * @return string HTML.
	 */
	private function footer( $times = 1 ) {
		ob_start();
		for ( $i = 0; $i < $times; $i++ ) {
			do_action( 'wp_footer' );
		}
		return ob_get_clean();
	}

	/**
	 * @param string $html HTML.
	 * @return string[] The JSON of each JSON-LD script in it.
	 */
	private function json_ld( $html ) {
		preg_match_all( '~<script\b[^>]*\btype=(["\']?)application/ld\+json\1[^>]*>(.*?)</script>~is', $html, $matches );
		return $matches[2];
	}

	public function test_once_however_many_times_the_page_shows_the_article() {
		$html = $this->block( array() ) . $this->block( array( 'theme' => 'dark' ) ) . $this->block( array( 'showForm' => false ) )
			. $this->shortcode( '[therapist_attachment_article]' ) . $this->shortcode( '[therapist_attachment_article form="off"]' );
		$this->assertCount( 5, $this->elements( $html ), 'No JSON-LD in the content itself' );

		$footer  = $this->footer( 2 );
		$scripts = $this->json_ld( $footer );
		$this->assertCount( 1, $scripts, $footer );
		$this->assertSame( 1, substr_count( $footer, 'application/ld+json' ) );

		$data = json_decode( $scripts[0], true );
		$this->assertIsArray( $data, 'Valid JSON' );
		$this->assertSame( 'https://schema.org', $data['@context'] );
		$this->assertSame( 'BlogPosting', $data['@type'] );
		$this->assertSame( therapist_attachment_article_facts()['title'], $data['headline'] );
		$this->assertSame( therapist_attachment_article_structured_data()['json_ld'] . "\n", substr( $footer, strpos( $footer, '<script type="application/ld+json">' ), strlen( therapist_attachment_article_structured_data()['json_ld'] ) + 1 ) );
		$this->assertStringNotContainsString( '</script', substr( $scripts[0], 0, -1 ), 'Nothing in the JSON closes the script early' );
	}

	public function test_none_on_a_page_without_the_article() {
		do_shortcode( '[gallery] Hello' );
		do_blocks( '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->' );
		$this->assertSame( array(), $this->json_ld( $this->footer( 2 ) ) );
	}

	public function test_none_when_the_filter_turns_it_off() {
		$this->filter( 'therapist_attachment_article_print_json_ld', '__return_false' );
		$this->block( array() );
		$this->shortcode( '[therapist_attachment_article]' );
		$this->assertSame( array(), $this->json_ld( $this->footer( 2 ) ) );
	}

	public function test_none_for_a_feed() {
		// A feed has no footer; the article there is plain HTML, and it does not count.
		$GLOBALS['wp_query']->is_feed = true;
		try {
			$this->block( array() );
		} finally {
			$GLOBALS['wp_query']->is_feed = false;
		}
		$this->assertSame( array(), $this->json_ld( $this->footer() ) );
	}

	public function test_the_article_rendered_after_the_footer_adds_none_later() {
		$this->block( array() );
		$this->assertCount( 1, $this->json_ld( $this->footer() ) );
		$this->block( array() );
		$this->assertSame( array(), $this->json_ld( $this->footer() ) );
	}

	public function test_a_teaser_of_a_post_elsewhere_carries_only_its_paragraphs_and_the_posts_url() {
		$this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 2, 'readMoreHref' => 'https://example.com/blog/attached?a=1&b=2' ) );
		$this->shortcode( '[therapist_attachment_article layout="teaser" read_more_href="https://example.com/other"]' );
		$scripts = $this->json_ld( $this->footer( 2 ) );
		$this->assertCount( 1, $scripts );
		$this->assertSame( '<script type="application/ld+json">' . $scripts[0] . '</script>', therapist_attachment_article_json_ld_excerpt( 2, 'https://example.com/blog/attached?a=1&b=2' ), 'The first teaser’s' );

		$data  = json_decode( $scripts[0], true );
		$whole = json_decode( preg_replace( '~^<script[^>]*>|</script>$~', '', therapist_attachment_article_structured_data()['json_ld'] ), true );
		$this->assertSame( 'https://example.com/blog/attached?a=1&b=2', $data['url'] );
		$this->assertSame( array( '@type' => 'WebPage', '@id' => 'https://example.com/blog/attached?a=1&b=2' ), $data['mainEntityOfPage'] );
		$this->assertSame( array_slice( explode( "\n\n", $whole['articleBody'] ), 0, 2 ), explode( "\n\n", $data['articleBody'] ) );
		$this->assertSame( str_word_count( $data['articleBody'] ) > 0, $data['wordCount'] > 0 );
		$this->assertLessThan( $whole['wordCount'], $data['wordCount'] );
		unset( $data['articleBody'], $data['wordCount'], $data['url'], $data['mainEntityOfPage'], $whole['articleBody'], $whole['wordCount'] );
		$this->assertSame( $whole, $data, 'The rest as for the whole article' );
	}

	public function test_the_whole_article_when_the_page_shows_it_whole_too() {
		$this->block( array( 'layout' => 'teaser', 'readMoreHref' => 'https://example.com/blog/attached' ) );
		$this->block( array() );
		$this->assertSame( therapist_attachment_article_structured_data()['json_ld'] . "\n", $this->footer() );
	}

	public function test_the_whole_article_for_a_teaser_that_opens_in_place() {
		$this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 2 ) );
		$this->assertSame( therapist_attachment_article_structured_data()['json_ld'] . "\n", $this->footer() );
	}
}
