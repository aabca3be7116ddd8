<?php
/**
 * Who may send visitors' messages elsewhere than the plugin's own route: content whose author
 * has `unfiltered_html` (an Administrator or Editor), or an endpoint on a host the site's
 * settings allow; the filter `therapist_attachment_article_form_action_trusted` decides last.
 * Otherwise `form_action` is ignored and the form posts to the plugin's route.
 *
 * @package TherapistAttachmentArticle
 */

final class TrustTest extends Therapist_Attachment_Article_Test_Case {

	const ENDPOINT = 'https://forms.example.com/f/abc';

	/**
	 * The element's form-action from the shortcode and from the block (which must agree).
	 *
	 * @param string $action   The form_action given.
	 * @param array  $more     More shortcode attributes.
	 * @return array<string, string> The element's attributes.
	 */
	private function rendered( $action, $more = array() ) {
		$shortcode = $this->render_checked( therapist_attachment_article_shortcode( array( 'form_action' => $action ) + $more ) );
		$block     = array( 'formAction' => $action );
		if ( isset( $more['form_encoding'] ) ) {
			$block['formEncoding'] = $more['form_encoding'];
		}
		$from_block = $this->render_checked( $this->block( $block ) );
		unset( $from_block['class'] );
		$this->assertSame( $shortcode, $from_block, 'The shortcode and the block agree' );
		return $shortcode;
	}

	public function test_without_a_post_an_endpoint_is_not_trusted() {
		$this->assertNull( get_post() );
		$this->assertFalse( therapist_attachment_article_form_action_trusted( self::ENDPOINT ) );
		$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT, array( 'form_encoding' => 'urlencoded' ) ) );
	}

	public function test_an_administrators_post_sends_messages_where_it_says() {
		$this->post_by( self::ADMINISTRATOR );
		$this->assertTrue( user_can( self::ADMINISTRATOR, 'unfiltered_html' ), 'The Administrator has unfiltered_html' );
		$this->assertTrue( therapist_attachment_article_form_action_trusted( self::ENDPOINT ) );
		$this->assertSame(
			array( 'form-action' => self::ENDPOINT, 'form-encoding' => 'urlencoded' ),
			$this->rendered( self::ENDPOINT, array( 'form_encoding' => 'urlencoded' ) )
		);
		$this->assertSame( array( 'form-action' => '/my-handler' ), $this->rendered( '/my-handler' ) );
	}

	public function test_an_authors_post_cannot_send_messages_elsewhere() {
		// Authors cannot put a <form> in a post; the block must not give that back.
		$this->post_by( self::AUTHOR );
		$this->assertFalse( user_can( self::AUTHOR, 'unfiltered_html' ), 'The Author has no unfiltered_html' );
		$this->assertTrue( user_can( self::AUTHOR, 'edit_posts' ), 'The Author is a real user' );
		$this->assertFalse( therapist_attachment_article_form_action_trusted( self::ENDPOINT ) );
		$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT, array( 'form_encoding' => 'urlencoded' ) ) );
		$this->assertSame( self::WITH_FORM, $this->rendered( '/my-handler' ), 'Not even a path on this site' );
	}

	public function test_a_post_without_an_author_is_not_trusted() {
		$this->post_by( self::ADMINISTRATOR );
		$GLOBALS['post']->post_author = '0';
		$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT ) );
	}

	public function test_an_address_on_the_sites_allow_list_is_trusted_whoever_wrote_the_post() {
		$this->settings( array( 'allowed_endpoints' => array( 'https://forms.example.com/f', 'https://formspree.io/f/abc123', 'https://crm.example.org/in/' ) ) );
		foreach ( array( null, self::AUTHOR ) as $author ) {
			if ( null !== $author ) {
				$this->post_by( $author );
			}
			$this->assertSame( array( 'form-action' => self::ENDPOINT, 'form-encoding' => 'urlencoded' ), $this->rendered( self::ENDPOINT, array( 'form_encoding' => 'urlencoded' ) ) );
			$this->assertSame( array( 'form-action' => 'https://FORMS.Example.com/f' ), $this->rendered( 'https://FORMS.Example.com/f' ), 'Host names are case-insensitive' );
			$this->assertSame( array( 'form-action' => 'https://formspree.io/f/abc123' ), $this->rendered( 'https://formspree.io/f/abc123' ) );
			$this->assertSame( array( 'form-action' => 'https://formspree.io/f/abc123?x=1' ), $this->rendered( 'https://formspree.io/f/abc123?x=1' ) );
			$this->assertSame( array( 'form-action' => 'https://crm.example.org/in/practice-7' ), $this->rendered( 'https://crm.example.org/in/practice-7' ), 'Below a prefix ending with /' );
		}
	}

	/**
	 * @dataProvider endpoints_not_allowed
	 */
	public function test_only_the_addresses_on_the_allow_list_are_trusted( $action ) {
		$this->settings( array( 'allowed_endpoints' => array( 'https://forms.example.com/f', 'https://formspree.io/f/abc123' ) ) );
		$this->post_by( self::AUTHOR );
		$this->assertFalse( therapist_attachment_article_form_action_trusted( $action ) );
		$this->assertSame( self::WITH_FORM, $this->rendered( $action ) );
	}

	public function endpoints_not_allowed() {
		return array(
			'another host'                  => array( 'https://evil.example/collect' ),
			'a subdomain'                   => array( 'https://evil.forms.example.com/f' ),
			'a longer name'                 => array( 'https://forms.example.com.evil.example/f' ),
			'the address in the path'       => array( 'https://evil.example/forms.example.com/f' ),
			'the address in the query'      => array( 'https://evil.example/?https://forms.example.com/f' ),
			'a path on this site'           => array( '/my-handler' ),
			'a sibling form on the service' => array( 'https://formspree.io/f/evil999' ),
			'a longer sibling'              => array( 'https://formspree.io/f/abc1234' ),
			'the service itself'            => array( 'https://formspree.io/' ),
			'another port'                  => array( 'https://forms.example.com:8443/f' ),
			'dot segments out of it'        => array( 'https://formspree.io/f/abc123/../evil999' ),
			'encoded dot segments'          => array( 'https://formspree.io/f/abc123/%2e%2e/evil999' ),
		);
	}

	public function test_an_allowed_address_does_not_make_a_refused_url_acceptable() {
		$this->settings( array( 'allowed_endpoints' => array( 'https://forms.example.com/f' ) ) );
		foreach ( array( 'http://forms.example.com/f', 'https://user:pw@forms.example.com/f', '//forms.example.com/f' ) as $action ) {
			$this->assertSame( self::WITH_FORM, $this->rendered( $action ), $action );
		}
	}

	// ----------------------------------------------------------------------------------------
	// Save time: what a user without unfiltered_html saves loses the endpoint

	public function test_the_endpoint_is_stripped_from_a_block_and_a_shortcode_unless_allowed() {
		$this->settings( array( 'allowed_endpoints' => array( 'https://formspree.io/f/abc123' ) ) );
		$content = '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->'
			. '<!-- wp:therapist-attachment-article/article {"theme":"dark","formAction":"https://collector.evil.example/pattern","formEncoding":"urlencoded"} /-->'
			. '<!-- wp:therapist-attachment-article/article {"formAction":"https://formspree.io/f/abc123"} /-->'
			. '[therapist_attachment_article theme="dark" form_action="https://evil.example/x" FORM_ENCODING=urlencoded]'
			. '[therapist_attachment_article form_action=\'https://formspree.io/f/abc123\']'
			. '[[therapist_attachment_article form_action="https://shown.example/as-text"]]';
		$this->assertSame(
			'<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->'
			. '<!-- wp:therapist-attachment-article/article {"theme":"dark"} /-->'
			. '<!-- wp:therapist-attachment-article/article {"formAction":"https://formspree.io/f/abc123"} /-->'
			. '[therapist_attachment_article theme="dark"]'
			. '[therapist_attachment_article form_action=\'https://formspree.io/f/abc123\']'
			. '[[therapist_attachment_article form_action="https://shown.example/as-text"]]',
			therapist_attachment_article_strip_endpoints( $content )
		);
		// A block with nothing else left keeps a plain comment.
		$this->assertSame( '<!-- wp:therapist-attachment-article/article /-->', therapist_attachment_article_strip_endpoints( '<!-- wp:therapist-attachment-article/article {"formAction":"https://evil.example/x"} /-->' ) );
	}

	public function test_saving_as_a_user_without_unfiltered_html_strips_and_as_an_administrator_keeps() {
		$this->post_by( self::AUTHOR ); // The users.
		$data = array(
			'post_type'    => 'wp_block',
			'post_content' => wp_slash( '<!-- wp:therapist-attachment-article/article {"formAction":"https://collector.evil.example/pattern"} /-->' ),
			'post_excerpt' => wp_slash( '[therapist_attachment_article form_action="https://evil.example/x"]' ),
		);
		$this->assertSame( 5, has_filter( 'wp_insert_post_data', 'therapist_attachment_article_filter_post_data' ) );
		try {
			wp_set_current_user( self::AUTHOR );
			$saved = therapist_attachment_article_filter_post_data( $data );
			$this->assertSame( '<!-- wp:therapist-attachment-article/article /-->', wp_unslash( $saved['post_content'] ) );
			$this->assertSame( '[therapist_attachment_article]', wp_unslash( $saved['post_excerpt'] ) );
			wp_set_current_user( 0 ); // Code with no user (an import, WP-Cron): as kses, not trusted.
			$this->assertSame( '<!-- wp:therapist-attachment-article/article /-->', wp_unslash( therapist_attachment_article_filter_post_data( $data )['post_content'] ) );
			wp_set_current_user( self::ADMINISTRATOR );
			$this->assertSame( $data, therapist_attachment_article_filter_post_data( $data ) );
		} finally {
			unset( $GLOBALS['current_user'] );
		}
	}

	public function test_widgets_and_comments_saved_without_unfiltered_html_lose_the_endpoint() {
		$this->post_by( self::AUTHOR );
		try {
			wp_set_current_user( self::AUTHOR );
			$widgets = array(
				2              => array( 'content' => '<!-- wp:therapist-attachment-article/article {"formAction":"https://evil.example/x"} /-->' ),
				'_multiwidget' => 1,
			);
			$this->assertSame( '<!-- wp:therapist-attachment-article/article /-->', therapist_attachment_article_filter_widgets( $widgets )[2]['content'] );
			$comment = therapist_attachment_article_filter_comment( array( 'comment_content' => wp_slash( 'Nice [therapist_attachment_article form_action="https://evil.example/x"]' ) ) );
			$this->assertSame( 'Nice [therapist_attachment_article]', wp_unslash( $comment['comment_content'] ) );
		} finally {
			unset( $GLOBALS['current_user'] );
		}
	}

	// ----------------------------------------------------------------------------------------
	// Render time, the second line

	public function test_a_synced_pattern_is_judged_by_its_own_author_not_the_pages() {
		$this->post_by( self::ADMINISTRATOR ); // The page is an Administrator's.
		therapist_attachment_article_rendering_author( self::AUTHOR ); // Inside an Author's pattern.
		try {
			$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT ) );
		} finally {
			therapist_attachment_article_rendering_author( false );
		}
		$this->assertSame( array( 'form-action' => self::ENDPOINT ), $this->rendered( self::ENDPOINT ), 'Outside it, the page\'s author' );
		therapist_attachment_article_rendering_author( self::ADMINISTRATOR ); // An Administrator's pattern in an Author's post.
		try {
			$this->post_by( self::AUTHOR );
			$this->assertSame( array( 'form-action' => self::ENDPOINT ), $this->rendered( self::ENDPOINT ) );
		} finally {
			therapist_attachment_article_rendering_author( false );
		}
	}

	public function test_the_pattern_block_is_wrapped_so_its_author_is_known_while_it_renders() {
		$seen = array();
		$args = therapist_attachment_article_wrap_pattern_block(
			array(
				'render_callback' => static function () use ( &$seen ) {
					$seen[] = therapist_attachment_article_rendering_author();
					return 'rendered';
				},
			),
			'core/block'
		);
		$this->assertSame( 'rendered', call_user_func( $args['render_callback'], array( 'ref' => 0 ) ) );
		$this->assertSame( array( null ), $seen, 'No such pattern: nobody\'s' );
		$other = array( 'render_callback' => 'strtoupper' );
		$this->assertSame( $other, therapist_attachment_article_wrap_pattern_block( $other, 'core/paragraph' ) );
	}

	public function test_a_shortcode_in_a_comment_never_chooses_the_endpoint() {
		$this->post_by( self::ADMINISTRATOR );
		therapist_attachment_article_comment_start( '' );
		try {
			$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT ) );
		} finally {
			therapist_attachment_article_comment_end( '' );
		}
		$this->assertSame( array( 'form-action' => self::ENDPOINT ), $this->rendered( self::ENDPOINT ) );
	}

	public function test_the_filter_decides_last_and_is_told_the_url_and_the_post() {
		$seen = array();
		$this->filter(
			'therapist_attachment_article_form_action_trusted',
			static function ( $trusted, $url, $post ) use ( &$seen ) {
				$seen[] = array( $trusted, $url, $post instanceof WP_Post ? (int) $post->post_author : null );
				return 'https://crm.example.org/in' === $url;
			}
		);
		$this->assertSame( array( 'form-action' => 'https://crm.example.org/in' ), $this->rendered( 'https://crm.example.org/in' ) );
		$this->assertSame( array( false, 'https://crm.example.org/in', null ), $seen[0] );

		$this->post_by( self::ADMINISTRATOR );
		$this->assertSame( self::WITH_FORM, $this->rendered( self::ENDPOINT ), 'The filter can refuse even an Administrator' );
		$this->assertSame( array( true, self::ENDPOINT, self::ADMINISTRATOR ), end( $seen ) );
	}

	public function test_an_untrusted_endpoint_is_dropped_before_anything_reads_it() {
		$this->post_by( self::AUTHOR );
		$clean = therapist_attachment_article_sanitize_attributes( array( 'form_action' => self::ENDPOINT, 'form_encoding' => 'urlencoded' ) );
		$this->assertSame( self::WITH_FORM, $clean );
		$html = therapist_attachment_article_shortcode( array( 'form_action' => self::ENDPOINT ) );
		$this->assertStringNotContainsString( 'forms.example.com', $html );
	}
}
