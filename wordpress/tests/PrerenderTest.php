<?php
/**
 * therapist_attachment_article_prerender(): byte for byte what the element's own renderer
 * writes (dist/prerender-cases.json, from `npm run build`), and only text where text goes.
 *
 * @package TherapistAttachmentArticle
 */

final class PrerenderTest extends Therapist_Attachment_Article_Test_Case {

	const CASES = __DIR__ . '/../../dist/prerender-cases.json';

	/** The teaser (`layout="teaser"`) for every paragraph count, with its button or a link. */
	const TEASER_CASES = __DIR__ . '/../../dist/prerender-teaser-cases.json';

	/**
	 * Every combination of heading level, theme and call-to-action that the build rendered with
	 * the element's renderer (@lit-labs/ssr), with its markup.
	 *
	 * @return array<string, array{0: array<string, string>|null, 1: string|null}>
	 */
	public function renderer_cases() {
		return $this->cases_in( self::CASES );
	}

	/**
	 * The cases in one of the build's files, named by their attributes.
	 *
	 * @param string $file dist/prerender-cases.json or dist/prerender-teaser-cases.json.
	 * @return array<string, array{0: array<string, string>|null, 1: string|null}>
	 */
	private function cases_in( $file ) {
		$name = 'dist/' . basename( $file );
		if ( ! is_readable( $file ) ) {
			return array( "$name is missing" => array( null, null ) );
		}
		$cases = json_decode( file_get_contents( $file ), true );
		if ( ! is_array( $cases ) || array() === $cases ) {
			return array( "$name is unreadable" => array( null, null ) );
		}
		$named = array();
		foreach ( $cases as $case ) {
			$named[ wp_json_encode( $case['attributes'] ) ] = array( $case['attributes'], $case['expected'] );
		}
		return $named;
	}

	/**
	 * The teasers the plugin offers, as the element's renderer wrote them.
	 *
	 * @return array<string, array{0: array<string, string>|null, 1: string|null}>
	 */
	public function teaser_cases() {
		return $this->cases_in( self::TEASER_CASES );
	}

	/**
	 * @dataProvider renderer_cases
	 * @dataProvider teaser_cases
	 */
	public function test_is_what_the_elements_renderer_writes( $attributes, $expected ) {
		if ( null === $attributes ) {
			$this->fail( 'dist/prerender-cases.json, the element\'s own rendering of every combination of settings, is missing or unreadable: run `npm run build` (it runs scripts/generate-wordpress.mjs).' );
		}
		$actual = therapist_attachment_article_prerender( $attributes );
		if ( $actual !== $expected ) {
			// The markup is 30 kB: show where it parts, not all of it.
			$at = 0;
			while ( $at < strlen( $actual ) && $at < strlen( $expected ) && $actual[ $at ] === $expected[ $at ] ) {
				++$at;
			}
			$this->fail(
				sprintf(
					"therapist_attachment_article_prerender( %s ) differs from the element's renderer at byte %d (if src/ changed, run `npm run build`):\n  expected …%s…\n  actual   …%s…",
					wp_json_encode( $attributes ),
					$at,
					substr( $expected, max( 0, $at - 80 ), 200 ),
					substr( $actual, max( 0, $at - 80 ), 200 )
				)
			);
		}
		$this->assertSame( $expected, $actual );
	}

	public function test_the_cases_cover_every_heading_level_theme_and_call_to_action() {
		$cases = $this->renderer_cases();
		$this->assertArrayNotHasKey( 'dist/prerender-cases.json is missing', $cases, 'Run `npm run build`.' );
		$facts = therapist_attachment_article_facts();
		$seen  = array();
		foreach ( $cases as $case ) {
			$attributes = $case[0];
			$seen[ implode( '|', array( $attributes['heading-level'], $attributes['theme'] ?? '', $attributes['form-action'] ?? $attributes['cta-target'] ) ) ] = true;
		}
		$this->assertCount( count( $facts['heading_levels'] ) * ( count( $facts['themes'] ) + 1 ) * ( count( $facts['cta_targets'] ) + 1 ), $seen );
	}

	public function test_the_teaser_cases_cover_every_paragraph_count_with_its_button_and_a_link() {
		$cases = $this->teaser_cases();
		$this->assertArrayNotHasKey( 'dist/prerender-teaser-cases.json is missing', $cases, 'Run `npm run build`.' );
		$facts = therapist_attachment_article_facts();
		$seen  = array();
		foreach ( $cases as $case ) {
			$attributes = $case[0];
			$this->assertSame( 'teaser', $attributes['layout'] );
			$count                       = $attributes['teaser-paragraphs'] ?? (string) $facts['defaults']['teaser_paragraphs'];
			$seen[ $count ]              = true;
			$seen[ isset( $attributes['read-more-href'] ) ? 'link' : 'button' ] = true;
			$this->render_checked( $this->with_attributes( $attributes ) );
		}
		$range = range( $facts['teaser_paragraphs']['min'], $facts['teaser_paragraphs']['max'] );
		$this->assertEqualsCanonicalizing( array_merge( $range, array( 'link', 'button' ) ), array_keys( $seen ) );
		// Each look and count: a link per target, and the form that posts itself and a JSON one.
		$this->assertCount( count( $range ) * 2 * ( count( $facts['themes'] ) + 1 ) * ( count( $facts['cta_targets'] ) + 2 ), $cases );
	}

	/**
	 * The pre-rendered element with these attributes on its tag, as the plugin prints it.
	 *
	 * @param array<string, string> $attributes Clean attributes.
	 * @return string HTML.
	 */
	private function with_attributes( $attributes ) {
		$html = '<therapist-attachment-article';
		foreach ( $attributes as $name => $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
		return $html . '>' . therapist_attachment_article_prerender( $attributes ) . '</therapist-attachment-article>';
	}

	public function test_a_teaser_shows_its_paragraphs_then_continue_reading() {
		$paragraphs = count( $this->authors_text()['paragraphs'] ) - 1; // Without the call-to-action's.
		foreach ( array( 1, 3, $paragraphs - 1 ) as $shown ) {
			$article = $this->prerendered( array( 'layout' => 'teaser', 'teaser-paragraphs' => (string) $shown ) );
			$this->assertSame( 'article theme-none closed', $article['class'] );
			$this->assertSame( array( 'summary', $shown, $paragraphs - $shown ), array( $article['read_more']['tag'], $article['read_more']['shown'], $article['read_more']['hidden'] ) );
		}
		$article = $this->prerendered( array( 'layout' => 'teaser', 'read-more-href' => 'https://example.com/blog/attached' ) );
		$this->assertSame( array( 'a', 'https://example.com/blog/attached', 3 ), array( $article['read_more']['tag'], $article['read_more']['href'], $article['read_more']['shown'] ) );
		$this->assertNull( $this->prerendered( array( 'layout' => 'full' ) )['read_more'] );
	}

	/**
	 * @dataProvider hostile_texts
	 */
	public function test_a_read_more_href_cannot_leave_its_attribute( $href ) {
		$html = therapist_attachment_article_prerender( array( 'layout' => 'teaser', 'read-more-href' => $href, 'form-action' => '/contact' ) );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<b>', $html );
		$this->assertSame( $href, $this->prerendered( array( 'layout' => 'teaser', 'read-more-href' => $href ) )['read_more']['href'] );
	}

	/**
	 * The pre-rendered element, parsed.
	 *
	 * @param array<string, string> $attributes Clean attributes.
	 * @return array<string, mixed> From article().
	 */
	private function prerendered( $attributes ) {
		$html = '<therapist-attachment-article>' . therapist_attachment_article_prerender( $attributes ) . '</therapist-attachment-article>';
		return $this->article( $this->element( $html ) );
	}

	/**
	 * @dataProvider hostile_texts
	 */
	public function test_a_label_is_text_whatever_it_holds( $label ) {
		foreach ( array( '_self', '_blank' ) as $target ) {
			$html = therapist_attachment_article_prerender( array( 'cta-label' => $label, 'cta-target' => $target ) );
			$this->assertStringNotContainsString( '<script', $html );
			$this->assertStringNotContainsString( '<b>', $html );
			$this->assertSame( $label, $this->prerendered( array( 'cta-label' => $label, 'cta-target' => $target ) )['label'] );
		}
	}

	/**
	 * @dataProvider hostile_texts
	 */
	public function test_an_href_cannot_leave_its_attribute( $href ) {
		$article = $this->prerendered( array( 'cta-href' => $href ) );
		$this->assertSame( $href, $article['href'] );
		$this->assertSame( 'Reach out', $article['label'] );
	}

	public function hostile_texts() {
		return array(
			'script element'    => array( '<script>alert("x")</script>' ),
			'markup'            => array( 'Book <b>now</b>' ),
			'double quotes'     => array( '" onmouseover="alert(1)' ),
			'single quotes'     => array( "' onmouseover='alert(1)" ),
			'ampersand'         => array( 'Tom & Jerry' ),
			'smiley'            => array( 'Talk soon :)' ),
			'semicolon wink'    => array( 'Yes ;) ok; fine:' ),
			'a hole'            => array( '{{label}} {{href}} {{cta}}' ),
			'comment'           => array( '<!-- x --> -->' ),
			'template end'      => array( '</template></therapist-attachment-article><script>alert(1)</script>' ),
			'non-ASCII'         => array( 'Prendre rendez-vous — café ☕' ),
		);
	}

	public function test_text_is_written_so_that_smilies_are_not_read_in_it() {
		$html = therapist_attachment_article_prerender( array( 'cta-label' => 'Talk soon :) ;)', 'cta-href' => '/a:b;c' ) );
		$this->assertStringContainsString( '>Talk soon &#58;) &#59;)<', $html );
		$this->assertStringContainsString( 'href="/a&#58;b&#59;c"', $html );
		$this->assertStringContainsString( 'as a therapist &#58;)<', $html, 'The article’s own “:)”' );
	}

	/**
	 * @dataProvider hostile_hrefs
	 */
	public function test_hostile_hrefs_never_reach_the_markup( $given ) {
		$renders = array(
			'shortcode'          => therapist_attachment_article_shortcode( array( 'cta_href' => $given ) ),
			'shortcode, no form' => therapist_attachment_article_shortcode( array( 'cta_href' => $given, 'form' => 'off' ) ),
			'block'              => $this->block( array( 'ctaHref' => $given ) ),
			'block, no form'     => $this->block( array( 'ctaHref' => $given, 'showForm' => false ) ),
		);
		foreach ( $renders as $how => $html ) {
			$attributes = $this->render_checked( $html );
			$this->assertArrayNotHasKey( 'cta-href', $attributes, "$how: $html" );
			$article = $this->article( $this->element( $html ) );
			if ( 'link' === $article['cta'] ) {
				$this->assertSame( '#contact', $article['href'], $how );
			}
			// The scheme and its payload, not the word: a JSON form's line says it "needs JavaScript".
			$this->assertDoesNotMatchRegularExpression( '/javascript\s*[:&]/i', html_entity_decode( $html, ENT_QUOTES | ENT_HTML5 ), $how );
			$this->assertStringNotContainsStringIgnoringCase( 'script&', $html, $how );
		}
	}

	public function hostile_hrefs() {
		return array(
			'javascript'                  => array( 'javascript:alert(1)' ),
			'mixed case'                  => array( 'JaVaScRiPt:alert(1)' ),
			'leading space'               => array( ' javascript:alert(1)' ),
			'tab inside'                  => array( "java\tscript:alert(1)" ),
			'entity colon'                => array( 'javascript&#58;alert(1)' ),
			'entity colon, no semicolon'  => array( 'javascript&#58alert(1)' ),
			'named entity colon'          => array( 'javascript&colon;alert(1)' ),
			'double-encoded colon'        => array( 'javascript&amp;#58;alert(1)' ),
			'data HTML'                   => array( 'data:text/html,<script>alert(1)</script>' ),
			'vbscript'                    => array( 'vbscript:msgbox(1)' ),
			'no-break space first'        => array( "\u{00A0}javascript:alert(1)" ),
		);
	}

	public function test_entities_in_a_clean_value_read_as_in_the_elements_attribute() {
		// WordPress's esc_attr() keeps valid entities (the editor saves `&` as `&amp;`): the
		// label reads the same in the shadow root as in the attribute the element gets.
		$html = therapist_attachment_article_shortcode( array( 'cta_label' => 'Tom &amp; Jerry &#58;', 'form' => 'off' ) );
		$this->assertSame( 'Tom & Jerry :', $this->render_checked( $html )['cta-label'] );
		$this->assertSame( 'Tom & Jerry :', $this->article( $this->element( $html ) )['label'] );
	}

	public function test_only_what_url_parsers_trim_is_trimmed() {
		// URL parsers trim U+0000–U+0020 only. "\u{00A0}//evil.example/" is a path on the site
		// to a browser; trimmed it would be a link to another host.
		$this->assertSame( '/contact', therapist_attachment_article_esc_url( " \t/contact\n\x00", 'db' ) );
		$this->assertSame( "\u{00A0}//evil.example/", therapist_attachment_article_esc_url( "\u{00A0}//evil.example/", 'db' ) );
		$this->assertSame( "\u{00A0}//evil.example/", therapist_attachment_article_form_url( "\u{00A0}//evil.example/" ) );
		$html       = therapist_attachment_article_shortcode( array( 'cta_href' => "\u{00A0}//evil.example/", 'form' => 'off' ) );
		$attributes = $this->render_checked( $html ); // The shadow root's link is the attribute's.
		$this->assertSame( "\u{00A0}//evil.example/", $attributes['cta-href'] );
		$this->assertStringNotContainsString( '"//evil.example/', $html );
	}
}
