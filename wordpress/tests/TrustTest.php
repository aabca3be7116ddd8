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

	public function test_a_host_on_the_sites_allow_list_is_trusted_whoever_wrote_the_post() {
		$this->settings( array( 'allowed_hosts' => array( 'forms.example.com', 'formspree.io' ) ) );
		foreach ( array( null, self::AUTHOR ) as $author ) {
			if ( null !== $author ) {
				$this->post_by( $author );
			}
			$this->assertSame( array( 'form-action' => self::ENDPOINT, 'form-encoding' => 'urlencoded' ), $this->rendered( self::ENDPOINT, array( 'form_encoding' => 'urlencoded' ) ) );
			$this->assertSame( array( 'form-action' => 'https://FORMS.Example.com/f' ), $this->rendered( 'https://FORMS.Example.com/f' ), 'Host names are case-insensitive' );
			$this->assertSame( array( 'form-action' => 'https://forms.example.com:8443/f' ), $this->rendered( 'https://forms.example.com:8443/f' ) );
			$this->assertSame( array( 'form-action' => 'https://formspree.io/f/x' ), $this->rendered( 'https://formspree.io/f/x' ) );
		}
	}

	/**
	 * @dataProvider hosts_not_allowed
	 */
	public function test_only_the_hosts_on_the_allow_list_are_trusted( $action ) {
		$this->settings( array( 'allowed_hosts' => array( 'forms.example.com' ) ) );
		$this->post_by( self::AUTHOR );
		$this->assertFalse( therapist_attachment_article_form_action_trusted( $action ) );
		$this->assertSame( self::WITH_FORM, $this->rendered( $action ) );
	}

	public function hosts_not_allowed() {
		return array(
			'another host'               => array( 'https://evil.example/collect' ),
			'a subdomain'                => array( 'https://evil.forms.example.com/f' ),
			'a longer name'              => array( 'https://forms.example.com.evil.example/f' ),
			'the name in the path'       => array( 'https://evil.example/forms.example.com' ),
			'the name in the query'      => array( 'https://evil.example/?forms.example.com' ),
			'a path on this site'        => array( '/my-handler' ),
		);
	}

	public function test_an_allowed_host_does_not_make_a_refused_url_acceptable() {
		$this->settings( array( 'allowed_hosts' => array( 'forms.example.com' ) ) );
		foreach ( array( 'http://forms.example.com/f', 'https://user:pw@forms.example.com/f', '//forms.example.com/f' ) as $action ) {
			$this->assertSame( self::WITH_FORM, $this->rendered( $action ), $action );
		}
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
