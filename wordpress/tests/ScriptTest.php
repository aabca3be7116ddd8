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

	public function test_rendering_before_init_still_registers_the_script() {
		$GLOBALS['wp_scripts'] = null;
		$this->assertFalse( wp_script_is( 'therapist-attachment-article', 'registered' ) );
		therapist_attachment_article_render( array() );
		$this->assertTrue( wp_script_is( 'therapist-attachment-article', 'enqueued' ) );
		$this->assertSame( self::SRC, wp_scripts()->query( 'therapist-attachment-article' )->src );
	}
}
