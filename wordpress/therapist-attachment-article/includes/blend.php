<?php
/**
 * Blending in on WordPress: the theme's own values for the element, from theme.json (its text,
 * heading, link and button styles, through wp_get_global_styles()), given server-side as the
 * private custom properties the element's styles read as fallbacks (`--_p-*`, `--_h-*`,
 * `--_b-*`: see src/therapist-attachment-article.styles.ts). So the pre-rendered article
 * already wears the theme's looks before its script runs, and nothing moves when it does.
 *
 * Only for elements without a `theme`, only on pages that show the article, and only for
 * themes with a theme.json. Printed as an inline style on a handle of its own: in the head for
 * block themes (blocks render before wp_head), in the footer for a classic theme's shortcode.
 * Every `--therapist-article-*` property still wins.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** Handle of the inline style that carries the theme's values. */
const THERAPIST_ATTACHMENT_ARTICLE_BLEND_STYLE = 'therapist-attachment-article-blend';

/**
 * A theme.json value as CSS: a preset reference (`var:preset|color|contrast`) as its custom
 * property, a plain value as it is; null for anything that is not a short, plain CSS value.
 *
 * @param mixed $value From the global styles.
 * @return string|null
 */
function therapist_attachment_article_blend_value( $value ) {
	if ( ! is_string( $value ) && ! is_int( $value ) && ! is_float( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( 0 === strpos( $value, 'var:' ) ) {
		$value = 'var(--wp--' . str_replace( '|', '--', substr( $value, 4 ) ) . ')';
	}
	return '' === $value || strlen( $value ) > 200 || preg_match( '/[<>{};\\\\!]/', $value ) ? null : $value;
}

/**
 * A value inside nested arrays, or null.
 *
 * @param array    $styles Global styles.
 * @param string[] $path   Keys.
 * @return mixed
 */
function therapist_attachment_article_blend_get( $styles, $path ) {
	foreach ( $path as $key ) {
		if ( ! is_array( $styles ) || ! isset( $styles[ $key ] ) ) {
			return null;
		}
		$styles = $styles[ $key ];
	}
	return $styles;
}

/**
 * The properties for a heading of `$level`: theme.json's `heading` element, then its `hN`.
 *
 * @param array $styles Global styles.
 * @param int   $level  1–6.
 * @return array<string, mixed> Property name => theme.json value.
 */
function therapist_attachment_article_blend_heading( $styles, $level ) {
	$values = array();
	foreach ( array( 'heading', 'h' . $level ) as $element ) {
		$values = array_merge(
			$values,
			array_filter(
				array(
					'--_h-fontFamily'    => therapist_attachment_article_blend_get( $styles, array( 'elements', $element, 'typography', 'fontFamily' ) ),
					'--_h-fontWeight'    => therapist_attachment_article_blend_get( $styles, array( 'elements', $element, 'typography', 'fontWeight' ) ),
					'--_h-letterSpacing' => therapist_attachment_article_blend_get( $styles, array( 'elements', $element, 'typography', 'letterSpacing' ) ),
					'--_h-textTransform' => therapist_attachment_article_blend_get( $styles, array( 'elements', $element, 'typography', 'textTransform' ) ),
					'--_h-color'         => therapist_attachment_article_blend_get( $styles, array( 'elements', $element, 'color', 'text' ) ),
				),
				'is_scalar'
			)
		);
	}
	return $values;
}

/**
 * Declarations from property => value pairs, each value made safe (or left out).
 *
 * @param array<string, mixed> $values Property name => theme.json value.
 * @return string
 */
function therapist_attachment_article_blend_declarations( $values ) {
	$css = '';
	foreach ( $values as $name => $value ) {
		$value = therapist_attachment_article_blend_value( $value );
		if ( null !== $value ) {
			$css .= $name . ':' . $value . ';';
		}
	}
	return $css;
}

/**
 * The CSS with the theme's values, or '' (no global styles, or a theme without theme.json).
 *
 * @return string
 */
function therapist_attachment_article_blend_css() {
	if ( ! function_exists( 'wp_get_global_styles' ) ) {
		return '';
	}
	$has_theme_json = function_exists( 'wp_theme_has_theme_json' )
		? wp_theme_has_theme_json()
		: ( class_exists( 'WP_Theme_JSON_Resolver' ) && WP_Theme_JSON_Resolver::theme_has_support() );
	if ( ! $has_theme_json ) {
		return '';
	}
	$styles = wp_get_global_styles();
	if ( ! is_array( $styles ) ) {
		return '';
	}
	$line_height = therapist_attachment_article_blend_get( $styles, array( 'typography', 'lineHeight' ) );
	$base        = array(
		'--_p-fontFamily' => therapist_attachment_article_blend_get( $styles, array( 'typography', 'fontFamily' ) ),
		'--_p-fontSize'   => therapist_attachment_article_blend_get( $styles, array( 'typography', 'fontSize' ) ),
		// As the element takes it in the browser: unitless, never under 1.5.
		'--_p-lineHeight' => is_numeric( $line_height ) ? max( 1.5, (float) $line_height ) : null,
		'--_p-color'      => therapist_attachment_article_blend_get( $styles, array( 'color', 'text' ) ),
		'--_b-link'       => therapist_attachment_article_blend_get( $styles, array( 'elements', 'link', 'color', 'text' ) ),
		'--_b-accent'     => therapist_attachment_article_blend_get( $styles, array( 'elements', 'button', 'color', 'background' ) ),
		'--_b-accentText' => therapist_attachment_article_blend_get( $styles, array( 'elements', 'button', 'color', 'text' ) ),
		'--_b-radius'     => therapist_attachment_article_blend_get( $styles, array( 'elements', 'button', 'border', 'radius' ) ),
	);
	$tag = 'therapist-attachment-article:not([theme])';
	$css = therapist_attachment_article_blend_declarations( $base + therapist_attachment_article_blend_heading( $styles, 2 ) );
	$css = '' === $css ? '' : $tag . '{' . $css . '}';
	foreach ( array( 1, 3, 4, 5, 6 ) as $level ) {
		if ( ! is_array( therapist_attachment_article_blend_get( $styles, array( 'elements', 'h' . $level ) ) ) ) {
			continue; // As `heading` alone: as the h2's.
		}
		$heading = therapist_attachment_article_blend_declarations( therapist_attachment_article_blend_heading( $styles, $level ) );
		if ( '' !== $heading ) {
			$css .= $tag . '[heading-level="' . $level . '"]{' . $heading . '}';
		}
	}
	return $css;
}

/**
 * Queues the theme's values once per page, when the article renders (a filter that returns
 * what it is given: the block's and the shortcode's markup are not changed).
 *
 * @param string $output The block's or shortcode's HTML.
 * @param mixed  $tag    The shortcode's tag (do_shortcode_tag), or the block (render_block_*).
 * @return string The same HTML.
 */
function therapist_attachment_article_blend_enqueue( $output, $tag = null ) {
	if ( is_string( $tag ) && THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE !== $tag ) {
		return $output;
	}
	if ( is_feed() || wp_style_is( THERAPIST_ATTACHMENT_ARTICLE_BLEND_STYLE, 'enqueued' ) ) {
		return $output;
	}
	$css = therapist_attachment_article_blend_css();
	if ( '' !== $css ) {
		wp_register_style( THERAPIST_ATTACHMENT_ARTICLE_BLEND_STYLE, false, array(), THERAPIST_ATTACHMENT_ARTICLE_VERSION );
		wp_add_inline_style( THERAPIST_ATTACHMENT_ARTICLE_BLEND_STYLE, $css );
		wp_enqueue_style( THERAPIST_ATTACHMENT_ARTICLE_BLEND_STYLE );
	}
	return $output;
}

add_filter( 'render_block_therapist-attachment-article/article', 'therapist_attachment_article_blend_enqueue' );
add_filter( 'do_shortcode_tag', 'therapist_attachment_article_blend_enqueue', 10, 2 );
