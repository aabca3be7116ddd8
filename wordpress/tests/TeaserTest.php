<?php
/**
 * The teaser (`layout`, `teaser_paragraphs`, `read_more_href`): checked by the element's rules,
 * passed on to the element, pre-rendered, and in feeds only the opening when the full post is
 * elsewhere.
 *
 * @package TherapistAttachmentArticle
 */

require_once __DIR__ . '/ShortcodeTest.php';

final class TeaserTest extends Therapist_Attachment_Article_Test_Case {

	/** The build's record of a teaser's structured data for every paragraph count. */
	const EXCERPT_CASES = __DIR__ . '/../../dist/excerpt-cases.json';

	public function test_the_shortcode_passes_the_teaser_to_the_element() {
		$html = $this->shortcode( '[therapist_attachment_article form="off" layout="teaser" teaser_paragraphs="5" read_more_href="https://example.com/blog/attached?a=1&amp;b=2"]' );
		$this->assertStringStartsWith(
			'<therapist-attachment-article layout="teaser" teaser-paragraphs="5" read-more-href="https://example.com/blog/attached?a=1&#038;b=2"><template shadowroot="open" shadowrootmode="open">',
			$html
		);
		$attributes = $this->render_checked( $html );
		$this->assertSame( array( 'layout' => 'teaser', 'teaser-paragraphs' => '5', 'read-more-href' => 'https://example.com/blog/attached?a=1&b=2' ), $attributes );
		$read_more = $this->article( $this->element( $html ) )['read_more'];
		$this->assertSame( array( 'a', 'https://example.com/blog/attached?a=1&b=2', 5 ), array( $read_more['tag'], $read_more['href'], $read_more['shown'] ) );
	}

	public function test_without_a_count_the_teaser_shows_the_elements_default() {
		$html = $this->shortcode( '[therapist_attachment_article layout="teaser"]' );
		$this->assertSame( array( 'layout' => 'teaser' ) + self::WITH_FORM, $this->render_checked( $html ) );
		$read_more = $this->article( $this->element( $html ) )['read_more'];
		$this->assertSame( array( 'summary', therapist_attachment_article_facts()['defaults']['teaser_paragraphs'] ), array( $read_more['tag'], $read_more['shown'] ) );
	}

	public function test_a_layout_is_read_as_the_element_reads_it() {
		$this->assertSame( 'teaser', $this->render_checked( $this->shortcode( '[therapist_attachment_article layout=" TEASER "]' ) )['layout'] );
		$this->assertSame( 'full', $this->render_checked( $this->shortcode( '[therapist_attachment_article layout="Full"]' ) )['layout'] );
	}

	/**
	 * @dataProvider unknown_layouts
	 */
	public function test_an_unknown_layout_gives_the_whole_article_and_drops_the_teasers_settings( $layout ) {
		$html = therapist_attachment_article_shortcode(
			array(
				'layout'            => $layout,
				'teaser_paragraphs' => '2',
				'read_more_href'    => 'https://example.com/blog/attached',
			)
		);
		$this->assertSame( self::WITH_FORM, $this->render_checked( $html ) );
		$this->assertNull( $this->article( $this->element( $html ) )['read_more'] );
	}

	public function unknown_layouts() {
		return array(
			'another word'   => array( 'sideways' ),
			'markup'         => array( 'teaser"><script>alert(1)</script>' ),
			'a hole'         => array( '{{theme}}' ),
			'two words'      => array( 'teaser full' ),
			'empty'          => array( '' ),
		);
	}

	/**
	 * @dataProvider paragraph_counts
	 */
	public function test_a_count_out_of_range_gives_the_elements_default( $given, $expected ) {
		$html       = therapist_attachment_article_shortcode( array( 'layout' => 'teaser', 'teaser_paragraphs' => $given ) );
		$attributes = $this->render_checked( $html );
		$this->assertSame( $expected, $attributes['teaser-paragraphs'] ?? null );
		$this->assertSame(
			null === $expected ? therapist_attachment_article_facts()['defaults']['teaser_paragraphs'] : (int) $expected,
			$this->article( $this->element( $html ) )['read_more']['shown']
		);
	}

	public function paragraph_counts() {
		$range = therapist_attachment_article_facts()['teaser_paragraphs'];
		return array(
			'the least'               => array( (string) $range['min'], (string) $range['min'] ),
			'the most'                => array( (string) $range['max'], (string) $range['max'] ),
			'with spaces'             => array( ' 4 ', '4' ),
			'a leading zero'          => array( '07', '7' ),
			'none'                    => array( '0', null ),
			'every paragraph'         => array( (string) ( $range['max'] + 1 ), null ),
			'more than there are'     => array( '99', null ),
			'negative'                => array( '-1', null ),
			'a fraction'              => array( '2.5', null ),
			'a word'                  => array( 'three', null ),
			'markup'                  => array( '3"><script>alert(1)</script>', null ),
			'empty'                   => array( '', null ),
		);
	}

	/**
	 * @dataProvider hostile_urls
	 */
	public function test_hostile_read_more_urls_are_dropped_so_the_button_opens_the_rest_in_place( $given ) {
		foreach ( array( array(), array( 'form' => 'off' ) ) as $more ) {
			$html       = therapist_attachment_article_shortcode( array( 'layout' => 'teaser', 'read_more_href' => $given ) + $more );
			$attributes = $this->render_checked( $html );
			$this->assertArrayNotHasKey( 'read-more-href', $attributes, "Kept: $html" );
			$this->assertSame( 'summary', $this->article( $this->element( $html ) )['read_more']['tag'] );
			// The scheme, not the word: a JSON form's line says it "needs JavaScript".
			$this->assertDoesNotMatchRegularExpression( '/javascript\s*[:&]/i', html_entity_decode( $html, ENT_QUOTES | ENT_HTML5 ) );
		}
	}

	public function hostile_urls() {
		return ( new ShortcodeTest() )->hostile_urls();
	}

	/**
	 * @dataProvider allowed_urls
	 */
	public function test_allowed_read_more_urls_reach_the_element_and_its_link( $given, $expected ) {
		$html       = therapist_attachment_article_shortcode( array( 'layout' => 'teaser', 'read_more_href' => $given ) );
		$attributes = $this->render_checked( $html );
		$this->assertSame( $expected, $attributes['read-more-href'] ?? null );
	}

	public function allowed_urls() {
		return ( new ShortcodeTest() )->allowed_urls();
	}

	public function test_markup_in_a_read_more_url_cannot_break_out() {
		$html = therapist_attachment_article_shortcode( array( 'layout' => 'teaser', 'read_more_href' => '/x"><script>alert(1)</script><a href="' ) );
		$this->assertArrayHasKey( 'read-more-href', $this->render_checked( $html ) );
		$this->assertStringNotContainsString( '<script', $html );
	}

	public function test_an_author_without_unfiltered_html_may_link_the_full_post() {
		// Only a link, checked like the button's: not where visitors' messages go.
		$this->post_by( self::AUTHOR );
		$html = $this->block( array( 'layout' => 'teaser', 'readMoreHref' => 'https://example.com/blog/attached' ) );
		$this->assertSame( 'https://example.com/blog/attached', $this->render_checked( $html )['read-more-href'] );
	}

	public function test_where_the_full_post_opens_reaches_the_element_from_the_shortcode_and_the_block() {
		$html = $this->shortcode( '[therapist_attachment_article form="off" layout="teaser" read_more_href="/blog/attached" read_more_target="_top"]' );
		$this->assertSame( array( 'layout' => 'teaser', 'read-more-href' => '/blog/attached', 'read-more-target' => '_top' ), $this->render_checked( $html ) );
		$html = $this->block(
			array(
				'showForm'       => false,
				'layout'         => 'teaser',
				'readMoreHref'   => 'https://example.com/blog/attached',
				'readMoreTarget' => '_blank',
			)
		);
		$this->assertSame(
			array(
				'class'            => 'wp-block-therapist-attachment-article-article',
				'layout'           => 'teaser',
				'read-more-href'   => 'https://example.com/blog/attached',
				'read-more-target' => '_blank',
			),
			$this->render_checked( $html )
		);
		// Checked as every keyword: trimmed, in any case.
		$clean = therapist_attachment_article_sanitize_attributes( array( 'layout' => 'teaser', 'read_more_href' => '/blog/attached', 'read_more_target' => ' _SELF ' ) );
		$this->assertSame( '_self', $clean['read-more-target'] );
	}

	/**
	 * @dataProvider refused_read_more_targets
	 */
	public function test_a_refused_read_more_target_is_dropped( $value ) {
		$shortcode = therapist_attachment_article_sanitize_attributes( array( 'layout' => 'teaser', 'read_more_href' => '/blog/attached', 'read_more_target' => $value ) );
		$block     = therapist_attachment_article_sanitize_attributes( array( 'layout' => 'teaser', 'readMoreHref' => '/blog/attached', 'readMoreTarget' => $value ), 'block' );
		foreach ( array( $shortcode, $block ) as $clean ) {
			$this->assertArrayNotHasKey( 'read-more-target', $clean );
			$this->assertSame( '/blog/attached', $clean['read-more-href'] );
		}
	}

	public function refused_read_more_targets() {
		return array(
			'another frame'   => array( '_parent' ),
			'a named window'  => array( 'preview' ),
			'markup'          => array( '_top" onclick="alert(1)' ),
			'empty'           => array( '' ),
			'a list (block)'  => array( array( '_top' ) ),
			'a boolean'       => array( true ),
		);
	}

	public function test_where_the_full_post_opens_means_nothing_without_a_teaser_linking_to_it() {
		foreach (
			array(
				'no layout'              => '[therapist_attachment_article read_more_href="/blog/attached" read_more_target="_top"]',
				'the whole article'      => '[therapist_attachment_article layout="full" read_more_href="/blog/attached" read_more_target="_top"]',
				'no full post'           => '[therapist_attachment_article layout="teaser" read_more_target="_top"]',
				'a refused full post'    => '[therapist_attachment_article layout="teaser" read_more_href="javascript:alert(1)" read_more_target="_top"]',
				'a full post, no teaser' => '[therapist_attachment_article layout="nonsense" read_more_href="/blog/attached" read_more_target="_blank"]',
			) as $case => $shortcode
		) {
			$attributes = $this->render_checked( $this->shortcode( $shortcode ) );
			$this->assertArrayNotHasKey( 'read-more-target', $attributes, $case );
		}
		$attributes = $this->render_checked( $this->block( array( 'layout' => 'full', 'readMoreHref' => '/blog/attached', 'readMoreTarget' => '_top' ) ) );
		$this->assertArrayNotHasKey( 'read-more-target', $attributes );
		$this->assertArrayNotHasKey( 'read-more-href', $attributes );
	}

	public function test_the_teasers_settings_mean_nothing_in_the_whole_article() {
		$html = $this->shortcode( '[therapist_attachment_article teaser_paragraphs="2" read_more_href="/blog/attached"]' );
		$this->assertSame( self::WITH_FORM, $this->render_checked( $html ) );
		$html = $this->block( array( 'layout' => 'full', 'teaserParagraphs' => 2, 'readMoreHref' => '/blog/attached' ) );
		$this->assertSame( array( 'class' => 'wp-block-therapist-attachment-article-article', 'layout' => 'full' ) + self::WITH_FORM, $this->render_checked( $html ) );
	}

	public function test_the_block_passes_the_teaser_to_the_element() {
		$html = $this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 2, 'readMoreHref' => '/blog/attached', 'theme' => 'dark' ) );
		$this->assertSame(
			array(
				'class'             => 'wp-block-therapist-attachment-article-article',
				'theme'             => 'dark',
				'layout'            => 'teaser',
				'teaser-paragraphs' => '2',
				'read-more-href'    => '/blog/attached',
				'form-action'       => self::FORM_ACTION,
				'form-encoding'     => 'urlencoded',
			),
			$this->render_checked( $html )
		);
		$this->assertSame( '2', $this->render_checked( $this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => '2' ) ) )['teaser-paragraphs'], 'A numeric string' );
	}

	/**
	 * @dataProvider wrong_block_values
	 */
	public function test_the_blocks_wrong_values_are_dropped( $name, $value ) {
		$attributes = $this->render_checked( $this->block( array( 'layout' => 'teaser', $name => $value ) ) );
		$this->assertArrayNotHasKey( 'read-more-href', $attributes );
		$this->assertArrayNotHasKey( 'teaser-paragraphs', $attributes );
	}

	public function wrong_block_values() {
		return array(
			'count too large'       => array( 'teaserParagraphs', 11 ),
			'count zero'            => array( 'teaserParagraphs', 0 ),
			'count as a float'      => array( 'teaserParagraphs', 2.5 ),
			'count as a boolean'    => array( 'teaserParagraphs', true ),
			'count as a list'       => array( 'teaserParagraphs', array( 2 ) ),
			'href as a list'        => array( 'readMoreHref', array( '/blog' ) ),
			'href as a number'      => array( 'readMoreHref', 12 ),
			'href javascript'       => array( 'readMoreHref', 'javascript:alert(1)' ),
		);
	}

	public function test_the_block_and_the_shortcode_render_the_same_teaser() {
		$block     = $this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 4, 'readMoreHref' => '/blog/attached', 'showForm' => false, 'ctaHref' => '/contact' ) );
		$shortcode = $this->shortcode( '[therapist_attachment_article layout="teaser" teaser_paragraphs="4" read_more_href="/blog/attached" form="off" cta_href="/contact"]' );
		$this->assertSame(
			substr( $shortcode, strpos( $shortcode, '<template' ) ),
			substr( $block, strpos( $block, '<template' ) )
		);
	}

	/**
	 * The build's record of each excerpt: paragraph count, URL, and what src/ writes for them.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function excerpt_cases() {
		$this->assertFileIsReadable( self::EXCERPT_CASES, 'Run `npm run build` (it runs scripts/generate-wordpress.mjs).' );
		$cases = json_decode( file_get_contents( self::EXCERPT_CASES ), true );
		$this->assertIsArray( $cases );
		$range = therapist_attachment_article_facts()['teaser_paragraphs'];
		$this->assertSame( range( $range['min'], $range['max'] ), array_column( $cases, 'paragraphs' ) );
		return $cases;
	}

	public function test_a_teasers_json_ld_is_what_src_writes_for_its_excerpt() {
		foreach ( $this->excerpt_cases() as $case ) {
			$this->assertSame( $case['json_ld'], therapist_attachment_article_json_ld_excerpt( $case['paragraphs'], $case['url'] ), "{$case['paragraphs']} paragraphs" );
		}
	}

	public function test_a_teasers_feed_markup_is_what_src_writes_for_its_excerpt() {
		foreach ( $this->excerpt_cases() as $case ) {
			$this->assertSame( $case['seo_markup'], therapist_attachment_article_seo_markup_excerpt( $case['paragraphs'], $case['url'] ), "{$case['paragraphs']} paragraphs" );
		}
	}

	public function test_in_a_feed_a_teaser_of_a_post_elsewhere_is_its_opening_and_a_link() {
		$GLOBALS['wp_query']->is_feed = true;
		try {
			$excerpt = $this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 2, 'readMoreHref' => 'https://example.com/blog/attached' ) );
			$inline  = $this->block( array( 'layout' => 'teaser', 'teaserParagraphs' => 2 ) );
		} finally {
			$GLOBALS['wp_query']->is_feed = false;
		}
		$this->assertSame( therapist_attachment_article_seo_markup_excerpt( 2, 'https://example.com/blog/attached' ), $excerpt );
		$document = $this->parse( $excerpt );
		$this->assertSame( 3, $document->getElementsByTagName( 'p' )->length - 1, 'Two paragraphs and the link (and the signature)' );
		$this->assertSame( 'https://example.com/blog/attached', $document->getElementsByTagName( 'a' )->item( 0 )->getAttribute( 'href' ) );
		$this->assertSame( therapist_attachment_article_structured_data()['seo_markup'], $inline, 'The rest is on the page: the whole article' );
	}

	public function test_the_full_posts_url_is_made_absolute_for_search_engines() {
		$this->assertNull( therapist_attachment_article_excerpt( array( 'layout' => 'teaser' ) ) );
		$this->assertNull( therapist_attachment_article_excerpt( array( 'read-more-href' => 'https://example.com/' ) ) );
		$this->assertSame(
			array( 'paragraphs' => 3, 'url' => 'https://example.com/blog/attached' ),
			therapist_attachment_article_excerpt( array( 'layout' => 'teaser', 'read-more-href' => 'https://example.com/blog/attached' ) )
		);
		$this->assertSame(
			array( 'paragraphs' => 2, 'url' => WP_Http::make_absolute_url( '/blog/attached', home_url( '/' ) ) ),
			therapist_attachment_article_excerpt( array( 'layout' => 'teaser', 'teaser-paragraphs' => '2', 'read-more-href' => '/blog/attached' ) )
		);
		$this->assertMatchesRegularExpression( '~^https?://[^/]+/blog/attached$~', therapist_attachment_article_excerpt( array( 'layout' => 'teaser', 'read-more-href' => '/blog/attached' ) )['url'] );
		foreach ( array( '#more', 'mailto:hello@example.com', 'tel:+15551234567' ) as $not_a_post ) {
			$this->assertNull( therapist_attachment_article_excerpt( array( 'layout' => 'teaser', 'read-more-href' => $not_a_post ) ), $not_a_post );
		}
	}
}
