<?php
/**
 * The generated facts (includes/generated/facts.php), block.json (generated too) and the
 * plugin's own lists agree: one source of truth, src/, read the same way everywhere.
 *
 * @package TherapistAttachmentArticle
 */

final class GeneratedFactsTest extends Therapist_Attachment_Article_Test_Case {

	private function block_json() {
		return wp_json_file_decode( dirname( __DIR__ ) . '/therapist-attachment-article/block/block.json', array( 'associative' => true ) );
	}

	public function test_block_json_enums_are_the_facts_lists() {
		$facts      = therapist_attachment_article_facts();
		$attributes = $this->block_json()['attributes'];
		$this->assertSame( $facts['heading_levels'], $attributes['headingLevel']['enum'] );
		$this->assertSame( 'integer', $attributes['headingLevel']['type'] );
		$this->assertSame( $facts['themes'], $attributes['theme']['enum'] );
		$this->assertSame( $facts['cta_targets'], $attributes['ctaTarget']['enum'] );
		$this->assertSame( $facts['form_encodings'], $attributes['formEncoding']['enum'] );
		$this->assertSame( array( 1, 2, 3, 4, 5, 6 ), $facts['heading_levels'] );
	}

	public function test_block_json_is_api_version_3_with_a_dynamic_block_and_no_defaults() {
		$metadata = $this->block_json();
		$this->assertSame( 3, $metadata['apiVersion'] );
		$this->assertSame( 'therapist-attachment-article/article', $metadata['name'] );
		$this->assertArrayNotHasKey( 'render', $metadata, 'Rendered by the render_callback' );
		$this->assertArrayNotHasKey( 'save', $metadata );
		foreach ( $metadata['attributes'] as $name => $attribute ) {
			$this->assertArrayNotHasKey( 'default', $attribute, "Defaults belong to the element and the site's settings: $name" );
		}
		$this->assertStringContainsString( therapist_attachment_article_facts()['title'], $metadata['description'] );
	}

	public function test_the_attribute_specs_are_the_facts() {
		$facts = therapist_attachment_article_facts();
		$specs = therapist_attachment_article_attribute_specs();
		$this->assertSame( min( $facts['heading_levels'] ), $specs['heading_level']['min'] );
		$this->assertSame( max( $facts['heading_levels'] ), $specs['heading_level']['max'] );
		$this->assertSame( range( $specs['heading_level']['min'], $specs['heading_level']['max'] ), $facts['heading_levels'], 'No gap in the levels' );
		$this->assertSame( $facts['themes'], $specs['theme']['values'] );
		$this->assertSame( $facts['cta_targets'], $specs['cta_target']['values'] );
		$this->assertSame( $facts['form_encodings'], $specs['form_encoding']['values'] );
		$this->assertSame( $facts['cta_label_max_length'], $specs['cta_label']['max_length'] );
		$this->assertSame( $facts['url_schemes'], therapist_attachment_article_url_protocols() );
		$this->assertEqualsCanonicalizing( array( 'https', 'http', 'mailto', 'tel' ), $facts['url_schemes'] );
	}

	public function test_every_setting_has_its_names_words_and_conditions() {
		$specs    = therapist_attachment_article_attribute_specs();
		$by_block = array_column( $specs, null, 'block' );
		$this->assertSame( array( 'attribute' => null, 'block' => 'showForm', 'type' => 'switch' ), array_intersect_key( $specs['form'], array_flip( array( 'attribute', 'block', 'type' ) ) ), 'The plugin\'s own switch' );
		foreach ( $specs as $key => $spec ) {
			if ( null !== $spec['attribute'] ) {
				$this->assertSame( $key, str_replace( '-', '_', $spec['attribute'] ), 'The shortcode\'s name is the element\'s' );
			}
			$this->assertIsString( $spec['label'], $key );
			$this->assertNotSame( '', $spec['label'], $key );
			if ( 'enum' === $spec['type'] ) {
				foreach ( $spec['values'] as $value ) {
					$this->assertNotEmpty( $spec['choices'][ $value ], "$key: $value is named" );
				}
				if ( null !== $spec['default'] ) {
					$this->assertContains( $spec['default'], $spec['values'], $key );
				}
			}
			if ( 'integer' === $spec['type'] ) {
				$this->assertSame( (string) $spec['default'], therapist_attachment_article_sanitize_value( $spec['default'], $spec ), $key );
			}
			foreach ( isset( $spec['only_with'] ) ? $spec['only_with'] : array() as $block => $wanted ) {
				$this->assertArrayHasKey( $block, $by_block, "$key needs a setting the plugin offers" );
			}
		}
		// Where messages go: only the form's address, judged by the trust rule.
		$this->assertSame( array( 'form_action' => 'formAction' ), therapist_attachment_article_message_routes() );
		$this->assertSame( 'form_url', $specs['form_action']['type'] );
	}

	public function test_every_enum_value_is_accepted_and_nothing_else() {
		$specs = therapist_attachment_article_attribute_specs();
		foreach ( array( 'theme', 'cta_target', 'form_encoding' ) as $key ) {
			foreach ( $specs[ $key ]['values'] as $value ) {
				$this->assertSame( $value, therapist_attachment_article_sanitize_value( $value, $specs[ $key ] ), "$key $value" );
			}
			$this->assertNull( therapist_attachment_article_sanitize_value( 'none-of-these', $specs[ $key ] ) );
		}
		foreach ( therapist_attachment_article_facts()['heading_levels'] as $level ) {
			$this->assertSame( (string) $level, therapist_attachment_article_sanitize_value( $level, $specs['heading_level'] ) );
		}
	}

	public function test_the_teaser_is_the_elements() {
		$facts      = therapist_attachment_article_facts();
		$attributes = $this->block_json()['attributes'];
		$specs      = therapist_attachment_article_attribute_specs();
		$this->assertSame( array( 'full', 'teaser' ), $facts['layouts'] );
		$this->assertSame( $facts['layouts'], $attributes['layout']['enum'] );
		$this->assertSame( $facts['layouts'], $specs['layout']['values'] );
		$this->assertSame( 'full', $facts['defaults']['layout'], 'The whole article unless chosen' );
		// At least one paragraph, and at least one left for "Continue reading" (src/attributes.ts).
		$range = $facts['teaser_paragraphs'];
		$this->assertSame( 1, $range['min'] );
		$this->assertSame( count( therapist_attachment_article_structured_data()['json_ld_excerpt']['paragraphs'] ), $range['max'] );
		$this->assertSame( range( $range['min'], $range['max'] ), $attributes['teaserParagraphs']['enum'] );
		$this->assertSame( 'integer', $attributes['teaserParagraphs']['type'] );
		$this->assertSame( array( $range['min'], $range['max'] ), array( $specs['teaser_paragraphs']['min'], $specs['teaser_paragraphs']['max'] ) );
		$this->assertGreaterThanOrEqual( $range['min'], $facts['defaults']['teaser_paragraphs'] );
		$this->assertLessThanOrEqual( $range['max'], $facts['defaults']['teaser_paragraphs'] );
		$this->assertSame( 'string', $attributes['readMoreHref']['type'] );
		$this->assertSame( 'url', $specs['read_more_href']['type'], 'Checked like every link' );
	}

	public function test_the_defaults_are_values_of_the_lists() {
		$facts    = therapist_attachment_article_facts();
		$defaults = $facts['defaults'];
		$this->assertContains( $defaults['heading_level'], $facts['heading_levels'] );
		$this->assertContains( $defaults['cta_target'], $facts['cta_targets'] );
		$this->assertContains( $defaults['form_encoding'], $facts['form_encodings'] );
		$this->assertSame( $defaults['cta_href'], therapist_attachment_article_esc_url( $defaults['cta_href'], 'db' ) );
		$this->assertNotSame( '', $defaults['cta_label'] );
		$this->assertLessThanOrEqual( $facts['cta_label_max_length'], mb_strlen( $defaults['cta_label'] ) );
	}

	public function test_every_choice_has_a_label() {
		$facts  = therapist_attachment_article_facts();
		$labels = therapist_attachment_article_labels();
		$this->assertSame( array_merge( array( '' ), $facts['themes'] ), array_keys( $labels['themes'] ), 'Themes, and none' );
		$this->assertSame( $facts['cta_targets'], array_keys( $labels['cta_targets'] ) );
		$this->assertSame( $facts['form_encodings'], array_keys( $labels['form_encodings'] ) );
		$this->assertSame( $facts['layouts'], array_keys( $labels['layouts'] ) );
		foreach ( $labels as $list ) {
			foreach ( $list as $label ) {
				$this->assertIsString( $label );
				$this->assertNotSame( '', $label );
			}
		}
	}

	public function test_the_pre_rendered_parts_have_a_title_per_heading_level_and_each_hole_once() {
		$facts = therapist_attachment_article_facts();
		$parts = therapist_attachment_article_prerender_parts();
		$this->assertCount( count( $facts['heading_levels'] ), $parts['titles'] );
		foreach ( $facts['heading_levels'] as $i => $level ) {
			$this->assertStringContainsString( "<h$level id=\"title\"", $parts['titles'][ $i ] );
			$this->assertStringContainsString( esc_html( $facts['title'] ), $parts['titles'][ $i ] );
		}
		foreach ( array( '{{theme}}', '{{title}}', '{{cta}}' ) as $hole ) {
			$this->assertSame( 1, substr_count( $parts['template'], $hole ), $hole );
		}
		// A link's holes are named for the element's attributes; a new tab's target is part of
		// its structure (with `rel` and the words for screen readers).
		$link_holes = array(
			'link'       => array( '{{cta-href}}', '{{cta-target}}', '{{cta-label}}' ),
			'linkNewTab' => array( '{{cta-href}}', '{{cta-label}}' ),
		);
		foreach ( $link_holes as $kind => $holes ) {
			$this->assertSame( count( $holes ), preg_match_all( '/\{\{/', $parts['cta'][ $kind ] ), "$kind: its holes" );
			foreach ( $holes as $hole ) {
				$this->assertSame( 1, substr_count( $parts['cta'][ $kind ], $hole ), "$kind $hole" );
			}
		}
		$this->assertSame( 1, substr_count( $parts['cta']['linkNewTab'], 'target="_blank"' ) );
		foreach ( array( 'form', 'formNoPrivacyNote', 'formNoCrisisLine', 'formNoNotes' ) as $kind ) {
			$this->assertSame( 2, preg_match_all( '/\{\{/', $parts['cta'][ $kind ] ), "$kind: two holes" );
			$this->assertSame( 1, substr_count( $parts['cta'][ $kind ], 'action="{{form-action}}"' ), "$kind {{form-action}}" );
			$this->assertSame( 1, substr_count( $parts['cta'][ $kind ], '{{send}}' ), "$kind {{send}}" );
		}
		$this->assertStringNotContainsString( '{{', $parts['cta']['send']['plain'] );
		$send_holes = array(
			'script'       => $link_holes['link'],
			'scriptNewTab' => $link_holes['linkNewTab'],
		);
		foreach ( $send_holes as $kind => $holes ) {
			foreach ( $holes as $hole ) {
				$this->assertSame( 1, substr_count( $parts['cta']['send'][ $kind ], $hole ), "send $kind $hole" );
			}
		}
		// Every hole has its attribute's default, as the element's table gives it.
		$this->assertSame( $facts['defaults']['cta_href'], $parts['holes']['cta-href'] );
		$this->assertSame( $facts['defaults']['cta_label'], $parts['holes']['cta-label'] );
		$this->assertSame( $facts['defaults']['cta_target'], $parts['holes']['cta-target'] );
		$this->assertSame( '', $parts['holes']['form-action'] );
		$this->assertStringStartsWith( '<template shadowroot="open" shadowrootmode="open">', $parts['template'] );
		$this->assertStringEndsWith( '</template>', $parts['template'] );
	}

	public function test_the_structured_data_names_the_article_of_the_facts() {
		$data = therapist_attachment_article_structured_data();
		$this->assertSame( 1, preg_match( '~^<script type="application/ld\+json">(.*)</script>$~s', $data['json_ld'], $match ) );
		$json = json_decode( $match[1], true );
		$this->assertSame( therapist_attachment_article_facts()['title'], $json['headline'] );
		$this->assertSame( therapist_attachment_article_facts()['lang'], $json['inLanguage'] );
		$this->assertStringStartsWith( '<article lang="' . therapist_attachment_article_facts()['lang'] . '">', $data['seo_markup'] );
		$this->assertStringNotContainsString( '<script', $data['seo_markup'] );
	}

	public function test_the_contact_forms_fields_are_described() {
		$fields = therapist_attachment_article_facts()['fields'];
		$this->assertSame( array( 'name', 'email', 'phone', 'message' ), array_keys( $fields ) );
		foreach ( $fields as $name => $field ) {
			$this->assertIsBool( $field['required'], $name );
			$this->assertIsInt( $field['max_length'], $name );
			$this->assertGreaterThan( 0, $field['max_length'], $name );
			if ( null !== $field['pattern'] ) {
				$this->assertNotFalse( @preg_match( '/^(?:' . str_replace( '/', '\/', $field['pattern'] ) . ')$/', '' ), "$name's pattern is a valid expression" ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
			}
		}
		$this->assertFalse( $fields['phone']['required'] );
	}
}
