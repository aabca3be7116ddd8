<?php
/**
 * The block: its registration, its agreement with the attribute list, and its output.
 *
 * @package TherapistAttachmentArticle
 */

final class BlockTest extends Therapist_Attachment_Article_Test_Case {

	const NAME = 'therapist-attachment-article/article';

	private function metadata() {
		return wp_json_file_decode( dirname( __DIR__ ) . '/therapist-attachment-article/block/block.json', array( 'associative' => true ) );
	}

	public function test_block_json_declares_exactly_the_settings_of_the_attribute_list() {
		$declared = $this->metadata()['attributes'];
		$specs    = therapist_attachment_article_attribute_specs();
		$this->assertEqualsCanonicalizing( array_column( $specs, 'block' ), array_keys( $declared ) );
		foreach ( $specs as $spec ) {
			$attribute = $declared[ $spec['block'] ];
			$types = array(
				'integer' => 'integer',
				'switch'  => 'boolean',
			);
			$this->assertSame( isset( $types[ $spec['type'] ] ) ? $types[ $spec['type'] ] : 'string', $attribute['type'], $spec['block'] );
			$this->assertArrayNotHasKey( 'default', $attribute, 'Defaults belong to the element: ' . $spec['block'] );
			if ( 'enum' === $spec['type'] ) {
				$this->assertSame( $spec['values'], $attribute['enum'], $spec['block'] );
			}
		}
	}

	public function test_is_a_dynamic_block_with_the_editor_script() {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( self::NAME );
		$this->assertInstanceOf( WP_Block_Type::class, $type );
		$this->assertTrue( $type->is_dynamic() );
		$this->assertSame( 'therapist_attachment_article_render_block', $type->render_callback );
		$this->assertSame( 3, $type->api_version ); // block.json is generated with apiVersion 3.

		$handle = 'therapist-attachment-article-article-editor-script';
		$this->assertSame( $handle, $type->editor_script );
		$script = wp_scripts()->query( $handle, 'registered' );
		$this->assertNotFalse( $script );
		$this->assertStringEndsWith( '/therapist-attachment-article/block/index.js', $script->src );
		$this->assertEqualsCanonicalizing(
			array( 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
			$script->deps
		);
		$this->assertSame( THERAPIST_ATTACHMENT_ARTICLE_VERSION, $script->ver );
	}

	public function test_without_settings_renders_the_element_with_the_block_class_only() {
		$html = $this->block( array() );
		$this->assertSame( array( 'class' => 'wp-block-therapist-attachment-article-article' ) + self::WITH_FORM, $this->render_checked( $html ) );
	}

	public function test_passes_every_setting_of_the_button_to_the_element() {
		$html = $this->block(
			array(
				'headingLevel' => 4,
				'ctaHref'      => 'https://example.com/book?x=1&y=2',
				'ctaLabel'     => 'Schedule a session',
				'ctaTarget'    => '_blank',
				'theme'        => 'light',
				'align'        => 'wide',
			)
		);
		$this->assertStringStartsWith(
			'<therapist-attachment-article class="alignwide wp-block-therapist-attachment-article-article" heading-level="4" theme="light" cta-href="https://example.com/book?x=1&#038;y=2" cta-label="Schedule a session" cta-target="_blank"><template shadowroot="open" shadowrootmode="open">',
			$html
		);
		$this->render_checked( $html );
		$article = $this->article( $this->element( $html ) );
		$this->assertSame( array( 'h4', 'article theme-light' ), array( $article['heading'], $article['class'] ) );
		$this->assertSame( array( 'https://example.com/book?x=1&y=2', 'Schedule a session', '_blank' ), array( $article['href'], $article['label'], $article['target'] ) );
	}

	public function test_passes_every_setting_of_the_form_to_the_element_when_its_author_may_choose_the_endpoint() {
		$this->post_by( self::ADMINISTRATOR );
		$html = $this->block(
			array(
				'headingLevel' => 4,
				'theme'        => 'light',
				'align'        => 'wide',
				'showForm'     => true,
				'formAction'   => 'https://forms.example.com/f/abc?x=1&y=2',
				'formEncoding' => 'urlencoded',
			)
		);
		$this->assertStringStartsWith(
			'<therapist-attachment-article class="alignwide wp-block-therapist-attachment-article-article" heading-level="4" theme="light" form-action="https://forms.example.com/f/abc?x=1&#038;y=2" form-encoding="urlencoded"><template shadowroot="open" shadowrootmode="open">',
			$html
		);
		$this->render_checked( $html );
	}

	public function test_hostile_settings_are_dropped() {
		$html = $this->block(
			array(
				'headingLevel' => 7,
				'ctaHref'      => 'javascript:alert(1)',
				'ctaLabel'     => '<img src=x onerror=alert(1)>',
				'ctaTarget'    => '_parent',
				'theme'        => 'dark" onload="alert(1)',
				'onclick'      => 'alert(1)',
				'className'    => 'x" onclick="alert(1)',
				'showForm'     => 'maybe',
				'formAction'   => 'javascript:alert(1)',
				'formEncoding' => 'xml',
			)
		);
		$attributes = $this->render_checked( $html );
		$this->assertSame( array( 'class', 'form-action', 'form-encoding' ), array_keys( $attributes ) );
		$this->assertSame( self::FORM_ACTION, $attributes['form-action'] );
		$this->assertStringNotContainsString( 'alert(1)"', $html );
	}

	/**
	 * @dataProvider wrong_types
	 */
	public function test_values_of_the_wrong_type_are_dropped( $name, $value ) {
		$attributes = $this->render_checked( $this->block( array( $name => $value ) ) );
		$this->assertSame( array( 'class', 'form-action', 'form-encoding' ), array_keys( $attributes ) );
		$this->assertSame( self::FORM_ACTION, $attributes['form-action'] );
	}

	public function wrong_types() {
		return array(
			'heading level as a float'   => array( 'headingLevel', 2.5 ),
			'heading level as a boolean' => array( 'headingLevel', true ),
			'heading level as a list'    => array( 'headingLevel', array( 3 ) ),
			'href as a list'             => array( 'ctaHref', array( '/contact' ) ),
			'href as an object'          => array( 'ctaHref', array( 'url' => '/contact' ) ),
			'label as a number'          => array( 'ctaLabel', 12 ),
			'theme as null'              => array( 'theme', null ),
			'form switch as a list'      => array( 'showForm', array( false ) ),
			'form switch as null'        => array( 'showForm', null ),
			'form action as a list'      => array( 'formAction', array( 'https://example.com/' ) ),
			'form encoding as a boolean' => array( 'formEncoding', true ),
		);
	}

	public function test_the_heading_level_may_be_saved_as_a_numeric_string() {
		$attributes = $this->render_checked( $this->block( array( 'headingLevel' => '3' ) ) );
		$this->assertSame( '3', $attributes['heading-level'] );
	}

	public function test_the_form_switch_is_a_boolean_and_on_unless_false() {
		$off = $this->render_checked( $this->block( array( 'showForm' => false, 'formAction' => 'https://forms.example.com/f', 'formEncoding' => 'urlencoded', 'ctaHref' => '/contact' ) ) );
		$this->assertSame( array( 'class', 'cta-href' ), array_keys( $off ), 'Off: a button, and nothing of the form' );
		$on = $this->render_checked( $this->block( array( 'showForm' => true ) ) );
		$this->assertSame( self::FORM_ACTION, $on['form-action'] );
	}

	public function test_the_block_and_the_shortcode_render_the_same_element() {
		$block     = $this->attributes( $this->element( $this->block( array( 'ctaHref' => '/contact', 'theme' => 'dark', 'headingLevel' => 3, 'ctaLabel' => 'Book a consult' ) ) ) );
		$shortcode = $this->attributes( $this->element( $this->shortcode( '[therapist_attachment_article cta_href="/contact" theme="dark" heading_level="3" cta_label="Book a consult"]' ) ) );
		unset( $block['class'] );
		$this->assertSame( $shortcode, $block );

		$block     = $this->attributes( $this->element( $this->block( array( 'showForm' => false, 'theme' => 'dark' ) ) ) );
		$shortcode = $this->attributes( $this->element( $this->shortcode( '[therapist_attachment_article form="off" theme="dark"]' ) ) );
		unset( $block['class'] );
		$this->assertSame( array( 'theme' => 'dark' ), $block );
		$this->assertSame( $shortcode, $block );

		$this->post_by( self::ADMINISTRATOR );
		$block     = $this->attributes( $this->element( $this->block( array( 'formAction' => '/my-form', 'formEncoding' => 'urlencoded' ) ) ) );
		$shortcode = $this->attributes( $this->element( $this->shortcode( '[therapist_attachment_article form_action="/my-form" form_encoding="urlencoded"]' ) ) );
		unset( $block['class'] );
		$this->assertSame( array( 'form-action' => '/my-form', 'form-encoding' => 'urlencoded' ), $block );
		$this->assertSame( $shortcode, $block );
	}

	public function test_the_block_and_the_shortcode_pre_render_the_same_article() {
		$block     = $this->block( array( 'showForm' => false, 'ctaHref' => '/contact', 'theme' => 'dark', 'headingLevel' => 3, 'ctaLabel' => 'Book: now' ) );
		$shortcode = $this->shortcode( '[therapist_attachment_article form="off" cta_href="/contact" theme="dark" heading_level="3" cta_label="Book: now"]' );
		$this->assertSame(
			substr( $shortcode, strpos( $shortcode, '>' ) ),
			substr( $block, strpos( $block, '>' ) )
		);
	}
}
