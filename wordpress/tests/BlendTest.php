<?php
/**
 * Blending in on WordPress (includes/blend.php): theme.json values become safe CSS values for
 * the element's private properties, a heading's values merge `heading` with its `hN`.
 *
 * @package TherapistAttachmentArticle
 */

final class BlendTest extends Therapist_Attachment_Article_Test_Case {

	public function test_preset_references_become_their_custom_properties() {
		$this->assertSame( 'var(--wp--preset--color--contrast)', therapist_attachment_article_blend_value( 'var:preset|color|contrast' ) );
		$this->assertSame( 'var(--wp--custom--line-height--body)', therapist_attachment_article_blend_value( 'var:custom|line-height|body' ) );
		$this->assertSame( 'var(--wp--preset--font-family--body)', therapist_attachment_article_blend_value( 'var(--wp--preset--font-family--body)' ) );
		$this->assertSame( '1.55', therapist_attachment_article_blend_value( 1.55 ) );
		$this->assertSame( '0.33rem', therapist_attachment_article_blend_value( ' 0.33rem ' ) );
	}

	public function test_anything_that_could_leave_its_declaration_is_left_out() {
		foreach ( array( 'red;}body{display:none', 'red}', '</style><script>', 'a{', 'red !important', 'a\\7d', '', array( 'red' ), null, true ) as $value ) {
			$this->assertNull( therapist_attachment_article_blend_value( $value ), var_export( $value, true ) );
		}
	}

	public function test_a_heading_takes_heading_then_its_own_level() {
		$styles = array(
			'elements' => array(
				'heading' => array(
					'typography' => array(
						'fontFamily' => 'var:preset|font-family|heading',
						'fontWeight' => '400',
					),
					'color'      => array( 'text' => '#111' ),
				),
				'h3'      => array(
					'typography' => array(
						'fontWeight'    => '700',
						'textTransform' => 'uppercase',
					),
				),
			),
		);
		$this->assertSame(
			'--_h-fontFamily:var(--wp--preset--font-family--heading);--_h-fontWeight:700;--_h-color:#111;--_h-textTransform:uppercase;',
			therapist_attachment_article_blend_declarations( therapist_attachment_article_blend_heading( $styles, 3 ) )
		);
		$this->assertSame(
			'--_h-fontFamily:var(--wp--preset--font-family--heading);--_h-fontWeight:400;--_h-color:#111;',
			therapist_attachment_article_blend_declarations( therapist_attachment_article_blend_heading( $styles, 2 ) )
		);
	}

	public function test_the_markup_is_not_changed() {
		$html = '<therapist-attachment-article></therapist-attachment-article>';
		$this->assertSame( $html, therapist_attachment_article_blend_enqueue( $html, 'therapist_attachment_article' ) );
		$this->assertSame( $html, therapist_attachment_article_blend_enqueue( $html, 'gallery' ) );
		$this->assertSame( $html, therapist_attachment_article_blend_enqueue( $html ) );
	}
}
