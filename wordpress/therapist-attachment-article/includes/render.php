<?php
/**
 * The markup shared by the shortcode and the block.
 *
 * Both are rendered when a visitor views the page, never stored as HTML in the post, so the
 * custom element reaches the page even when the post was saved by an Author or any editor
 * without the `unfiltered_html` capability (whose pasted tags WordPress strips on save).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** Handle of the element's script (the drop-in with hydration support, in assets/). */
const THERAPIST_ATTACHMENT_ARTICLE_SCRIPT = 'therapist-attachment-article';

/** Name of the shortcode: `[therapist_attachment_article]`. */
const THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE = 'therapist_attachment_article';

/**
 * Registers the element's script: a classic script in the footer, which WordPress 6.1 supports
 * (it has no script modules) and which the file is (it has no import or export). It is the
 * drop-in plus Lit's hydration support, so the element takes over the markup the server
 * rendered (therapist_attachment_article_prerender()) without rendering it again.
 */
function therapist_attachment_article_register_script() {
	wp_register_script(
		THERAPIST_ATTACHMENT_ARTICLE_SCRIPT,
		plugins_url( 'assets/therapist-attachment-article.hydrate.js', THERAPIST_ATTACHMENT_ARTICLE_FILE ),
		array(),
		THERAPIST_ATTACHMENT_ARTICLE_VERSION,
		true
	);
}

/**
 * Renders the element with the given settings and queues its script for this page.
 *
 * The whole article is in the HTML WordPress sends, as the element's declarative shadow root
 * (readable without JavaScript, and by search engines); the script only makes it interactive.
 * WordPress prints a queued script once, however many times the page uses the element, and
 * only on pages that render it. Feeds get the article as plain HTML, without a script.
 *
 * @param array<string, string> $attributes         Clean values from therapist_attachment_article_sanitize_attributes().
 * @param string                $wrapper_attributes Extra attributes, already escaped (the block's class names).
 * @return string HTML.
 */
function therapist_attachment_article_render( $attributes, $wrapper_attributes = '' ) {
	if ( is_feed() ) {
		return therapist_attachment_article_structured_data()['seo_markup'];
	}
	if ( ! wp_script_is( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT, 'registered' ) ) {
		therapist_attachment_article_register_script();
	}
	wp_enqueue_script( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT );
	therapist_attachment_article_json_ld( true );

	$html = '<therapist-attachment-article';
	if ( '' !== $wrapper_attributes ) {
		$html .= ' ' . $wrapper_attributes;
	}
	foreach ( therapist_attachment_article_attribute_specs() as $spec ) {
		$name = $spec['attribute'];
		if ( null === $name || ! isset( $attributes[ $name ] ) ) {
			continue;
		}
		$value = in_array( $spec['type'], array( 'url', 'form_url' ), true )
			? therapist_attachment_article_esc_url( $attributes[ $name ] )
			: esc_attr( $attributes[ $name ] );
		if ( '' !== $value ) {
			$html .= ' ' . $name . '="' . $value . '"';
		}
	}
	return $html . '>' . therapist_attachment_article_prerender( $attributes ) . '</therapist-attachment-article>';
}

/**
 * The element's declarative shadow root for these settings, as the element itself renders it
 * (the parts are generated from the element by scripts/generate-wordpress.mjs, and checked
 * there against the renderer for every combination; src/prerender.ts is the twin of this).
 *
 * @param array<string, string> $attributes Clean values from therapist_attachment_article_sanitize_attributes().
 * @return string HTML.
 */
function therapist_attachment_article_prerender( $attributes ) {
	$facts  = therapist_attachment_article_facts();
	$parts  = therapist_attachment_article_prerender_parts();
	$level  = isset( $attributes['heading-level'] ) ? (int) $attributes['heading-level'] : $facts['defaults']['heading_level'];
	$target = isset( $attributes['cta-target'] ) ? $attributes['cta-target'] : $facts['defaults']['cta_target'];
	if ( isset( $attributes['form-action'] ) ) {
		$cta = $parts['cta']['form'];
	} else {
		$cta = '_blank' === $target ? $parts['cta']['linkNewTab'] : $parts['cta']['link'];
	}
	// Structure first, then values, each in one pass: a value is never read for holes.
	$html = strtr(
		$parts['template'],
		array(
			'{{theme}}' => 'theme-' . ( isset( $attributes['theme'] ) ? $attributes['theme'] : 'none' ),
			'{{title}}' => isset( $parts['titles'][ $level - 1 ] ) ? $parts['titles'][ $level - 1 ] : $parts['titles'][1],
			'{{cta}}'   => $cta,
		)
	);
	if ( isset( $attributes['form-action'] ) ) {
		return $html;
	}
	return strtr(
		$html,
		array(
			'{{href}}'   => therapist_attachment_article_protect_text( isset( $attributes['cta-href'] ) ? $attributes['cta-href'] : $facts['defaults']['cta_href'] ),
			'{{target}}' => esc_attr( $target ),
			'{{label}}'  => therapist_attachment_article_protect_text( isset( $attributes['cta-label'] ) ? $attributes['cta-label'] : $facts['defaults']['cta_label'] ),
		)
	);
}

/**
 * Escapes text for HTML (text or a quoted attribute), and writes `:`, `;` and `8` as character
 * references, so that convert_smilies() cannot make an image of a label's “:)”, “;)” or
 * “8-)” (WordPress's smilies without a colon, `8-)`, `8-O` and `8O`, start with an 8).
 *
 * @param string $text Text.
 * @return string
 */
function therapist_attachment_article_protect_text( $text ) {
	return preg_replace_callback(
		'/(&[#a-zA-Z0-9]+;)|[:;8]/',
		static function ( $match ) {
			return isset( $match[1] ) && '' !== $match[1] ? $match[1] : '&#' . ord( $match[0] ) . ';';
		},
		esc_attr( $text )
	);
}

/**
 * Notes that the page shows the article (`$used`), or, on `wp_footer`, prints the article's
 * BlogPosting JSON-LD once if it did: one per page, however many times the article appears.
 *
 * @param bool $used True from the renderer.
 */
function therapist_attachment_article_json_ld( $used = false ) {
	static $state = 'unused';
	if ( true === $used ) {
		if ( 'unused' === $state ) {
			$state = 'used';
		}
		return;
	}
	if ( 'used' !== $state ) {
		return;
	}
	$state = 'printed';
	/**
	 * Filters whether the plugin prints the article's schema.org BlogPosting JSON-LD (off when
	 * an SEO plugin describes the page itself).
	 *
	 * @param bool $print Default true.
	 */
	if ( apply_filters( 'therapist_attachment_article_print_json_ld', true ) ) {
		echo therapist_attachment_article_structured_data()['json_ld'] . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- generated, every text JSON-escaped.
	}
}

/**
 * Keeps wptexturize() off the article: it would curl the straight quotes of “"Normal"”.
 *
 * @param string[] $tags Elements whose text is not texturized.
 * @return string[]
 */
function therapist_attachment_article_no_texturize( $tags ) {
	$tags[] = 'therapist-attachment-article';
	return $tags;
}

/**
 * The shortcode: `[therapist_attachment_article theme="dark"]`, with the contact form; or
 * `[therapist_attachment_article form="off" cta_href="/contact"]`, with a button instead.
 *
 * @param array|string $atts Attributes as parsed by WordPress ('' when there are none).
 * @return string HTML.
 */
function therapist_attachment_article_shortcode( $atts ) {
	$defaults = array_fill_keys( array_keys( therapist_attachment_article_attribute_specs() ), '' );
	$atts     = shortcode_atts( $defaults, $atts, THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE );
	return therapist_attachment_article_render( therapist_attachment_article_sanitize_attributes( $atts, 'shortcode' ) );
}

/**
 * The block's render callback (a dynamic block: the post stores only its settings).
 *
 * @param array $attributes Block attributes (camelCase, as in block.json).
 * @return string HTML.
 */
function therapist_attachment_article_render_block( $attributes ) {
	return therapist_attachment_article_render(
		therapist_attachment_article_sanitize_attributes( $attributes, 'block' ),
		get_block_wrapper_attributes()
	);
}
