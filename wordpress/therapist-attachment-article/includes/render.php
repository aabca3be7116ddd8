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

/** Handle of the element's script (the self-contained drop-in file in assets/). */
const THERAPIST_ATTACHMENT_ARTICLE_SCRIPT = 'therapist-attachment-article';

/** Name of the shortcode: `[therapist_attachment_article]`. */
const THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE = 'therapist_attachment_article';

/** The article's title: the text shown until the script has loaded, and what crawlers read. */
const THERAPIST_ATTACHMENT_ARTICLE_TITLE = 'Is it "Normal" to be Attached to your Therapist?';

/**
 * Registers the element's script: a classic script in the footer, which WordPress 6.1 supports
 * (it has no script modules) and which the drop-in file is (it has no import or export).
 */
function therapist_attachment_article_register_script() {
	wp_register_script(
		THERAPIST_ATTACHMENT_ARTICLE_SCRIPT,
		plugins_url( 'assets/therapist-attachment-article.js', THERAPIST_ATTACHMENT_ARTICLE_FILE ),
		array(),
		THERAPIST_ATTACHMENT_ARTICLE_VERSION,
		true
	);
}

/**
 * Renders the element with the given settings and queues its script for this page.
 *
 * WordPress prints a queued script once, however many times the page uses the element, and
 * only on pages that render it.
 *
 * @param array<string, string> $attributes         Clean values from therapist_attachment_article_sanitize_attributes().
 * @param string                $wrapper_attributes Extra attributes, already escaped (the block's class names).
 * @return string HTML.
 */
function therapist_attachment_article_render( $attributes, $wrapper_attributes = '' ) {
	if ( ! wp_script_is( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT, 'registered' ) ) {
		therapist_attachment_article_register_script();
	}
	wp_enqueue_script( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT );

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
	// Phrasing content only: a <p> here would close a surrounding paragraph (a shortcode typed
	// inside a line of text) and be pushed out of the element, to stay visible for good.
	$html .= '><span>' . esc_html( THERAPIST_ATTACHMENT_ARTICLE_TITLE ) . '</span></therapist-attachment-article>';

	return $html;
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
