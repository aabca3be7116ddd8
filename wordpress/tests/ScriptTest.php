<?php
/**
 * The element's script: served from the plugin, in the footer, only on pages that use it, once.
 *
 * @package TherapistAttachmentArticle
 */

final class ScriptTest extends Therapist_Attachment_Article_Test_Case {

	/** The drop-in with hydration support: it takes over the article the server rendered. */
	const SRC = 'http://example.test/wp-content/plugins/therapist-attachment-article/assets/therapist-attachment-article.hydrate.js';

	private function script_tags( $html ) {
		preg_match_all( '/<script\b[^>]*>/i', $html, $matches );
		return $matches[0];
	}

	public function test_is_registered_from_the_plugin_folder_as_a_classic_footer_script() {
		therapist_attachment_article_register_script();
		$script = wp_scripts()->query( 'therapist-attachment-article', 'registered' );
		$this->assertSame( self::SRC, $script->src );
		$this->assertSame( array(), $script->deps );
		$this->assertSame( THERAPIST_ATTACHMENT_ARTICLE_VERSION, $script->ver );
		$this->assertSame( 1, wp_scripts()->get_data( 'therapist-attachment-article', 'group' ), 'In the footer' );
	}

	public function test_pages_without_the_article_do_not_load_it() {
		do_shortcode( '[gallery] Hello' );
		$this->assertFalse( wp_script_is( 'therapist-attachment-article', 'enqueued' ) );
		$this->assertSame( array(), $this->script_tags( $this->footer_scripts() ) );
	}

	public function test_loads_once_however_many_times_the_page_uses_it() {
		$content = '[therapist_attachment_article][therapist_attachment_article theme="dark"]'
			. '<!-- wp:therapist-attachment-article/article /-->[therapist_attachment_article]';
		$html    = do_shortcode( do_blocks( $content ) );
		$this->assertCount( 4, $this->elements( $html ) );

		ob_start();
		wp_scripts()->do_head_items();
		$head = ob_get_clean();
		$this->assertSame( array(), $this->script_tags( $head ), 'Nothing in the head' );

		$tags = $this->script_tags( $this->footer_scripts() );
		$this->assertCount( 1, $tags );
		$this->assertSame( 1, preg_match( '/\ssrc=([\'"])([^\'"]*)\1/', $tags[0], $src ), $tags[0] );
		$this->assertSame( self::SRC . '?ver=' . THERAPIST_ATTACHMENT_ARTICLE_VERSION, $src[2] );
		$this->assertStringNotContainsString( 'type=\'module\'', $tags[0], 'A classic script: WordPress 6.1 has no script modules' );
	}

	public function test_in_the_editor_the_canvas_gets_the_script_so_the_block_shows_the_real_article() {
		// The plugin's callbacks are called as the hooks would (core's own callbacks on these
		// hooks need parts of WordPress these tests do not load).
		$this->assertSame( 10, has_action( 'enqueue_block_assets', 'therapist_attachment_article_editor_canvas' ) );
		therapist_attachment_article_editor_canvas();
		$this->assertFalse( wp_script_is( 'therapist-attachment-article', 'enqueued' ), 'Not on the site’s pages: only where the article is' );

		$GLOBALS['current_screen'] = new class() {
			public function in_admin() {
				return true;
			}
		};
		try {
			therapist_attachment_article_editor_canvas();
		} finally {
			unset( $GLOBALS['current_screen'] );
		}
		$this->assertTrue( wp_script_is( 'therapist-attachment-article', 'enqueued' ) );
		$this->assertSame( self::SRC, wp_scripts()->query( 'therapist-attachment-article' )->src );
	}

	public function test_the_block_editor_script_is_told_the_facts_and_the_sites_settings() {
		$this->settings(
			array(
				'allowed_endpoints' => array( 'https://forms.example.com/f/abc123' ),
				'default_theme'    => 'dark',
				'default_cta_href' => '/contact-us',
			)
		);
		$this->assertSame( 10, has_action( 'enqueue_block_editor_assets', 'therapist_attachment_article_editor_data' ) );
		$this->post_by( self::AUTHOR ); // The users, for the one editing.
		$handle = 'therapist-attachment-article-article-editor-script';
		$prefix = 'window.therapistAttachmentArticleEditor = ';
		try {
			foreach ( array( self::AUTHOR => false, self::ADMINISTRATOR => true ) as $user => $may_choose ) {
				wp_set_current_user( $user );
				wp_scripts()->add_data( $handle, 'before', array() );
				therapist_attachment_article_editor_data();
				$before = wp_scripts()->get_data( $handle, 'before' );
				$this->assertIsArray( $before );
				$this->assertCount( 1, $before );
				$this->assertStringStartsWith( $prefix, $before[0] );
				$this->assertStringEndsWith( ';', $before[0] );
				$this->assertStringNotContainsString( '</script', $before[0] );
				$data = json_decode( substr( $before[0], strlen( $prefix ), -1 ), true );
				$this->assertSame( therapist_attachment_article_facts(), $data['facts'] );
				$this->assertSame( therapist_attachment_article_labels(), $data['labels'] );
				$this->assertSame( therapist_attachment_article_attribute_specs(), $data['attributes'] );
				$this->assertSame( self::FORM_ACTION, $data['contactUrl'] );
				$this->assertSame( $may_choose, $data['canChooseEndpoint'], 'The trust rule, for the one editing' );
				$this->assertSame( array( 'https://forms.example.com/f/abc123' ), $data['allowedEndpoints'] );
				$this->assertSame( 'dark', $data['defaultTheme'] );
				$this->assertSame( '/contact-us', $data['defaultCtaHref'] );
			}
		} finally {
			unset( $GLOBALS['current_user'] );
			// The queue's copy shares the registered scripts: leave the editor script as it was.
			wp_scripts()->add_data( $handle, 'before', array() );
		}
	}

	public function test_rendering_before_init_still_registers_the_script() {
		$GLOBALS['wp_scripts'] = null;
		$this->assertFalse( wp_script_is( 'therapist-attachment-article', 'registered' ) );
		therapist_attachment_article_render( array() );
		$this->assertTrue( wp_script_is( 'therapist-attachment-article', 'enqueued' ) );
		$this->assertSame( self::SRC, wp_scripts()->query( 'therapist-attachment-article' )->src );
	}
}
