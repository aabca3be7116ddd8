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
	$excerpt = therapist_attachment_article_excerpt( $attributes );
	if ( is_feed() ) {
		return null === $excerpt
			? therapist_attachment_article_structured_data()['seo_markup']
			: therapist_attachment_article_seo_markup_excerpt( $excerpt['paragraphs'], $excerpt['url'] );
	}
	if ( ! wp_script_is( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT, 'registered' ) ) {
		therapist_attachment_article_register_script();
	}
	wp_enqueue_script( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT );
	therapist_attachment_article_json_ld( true, $excerpt );

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
	// The result of a plain form post (without JavaScript), above the element: form-post.php.
	$notice = therapist_attachment_article_form_post_notice( $attributes );
	return $notice . $html . '>' . therapist_attachment_article_prerender( $attributes ) . '</therapist-attachment-article>';
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
	$cta    = '_blank' === $target ? $parts['cta']['linkNewTab'] : $parts['cta']['link'];
	if ( isset( $attributes['form-action'] ) ) {
		// A plain HTML form that posts by itself; for a JSON-only endpoint, its button waits for
		// the script, with a line saying so and the call-to-action link.
		if ( isset( $attributes['form-encoding'] ) && 'urlencoded' === $attributes['form-encoding'] ) {
			$send = $parts['cta']['send']['plain'];
		} else {
			$send = '_blank' === $target ? $parts['cta']['send']['scriptNewTab'] : $parts['cta']['send']['script'];
		}
		$cta = str_replace( '{{send}}', $send, $parts['cta']['form'] );
	}
	$teaser = isset( $attributes['layout'] ) && 'teaser' === $attributes['layout'];
	// Structure first, then values, each in one pass: a value is never read for holes.
	$html = strtr(
		$parts['template'],
		array(
			'{{theme}}' => 'theme-' . ( isset( $attributes['theme'] ) ? $attributes['theme'] : 'none' ) . ( $teaser ? ' closed' : '' ),
			'{{title}}' => isset( $parts['titles'][ $level - 1 ] ) ? $parts['titles'][ $level - 1 ] : $parts['titles'][1],
			'{{cta}}'   => $cta,
		)
	);
	if ( $teaser ) {
		$html = therapist_attachment_article_teaser_body(
			$parts,
			$html,
			isset( $attributes['teaser-paragraphs'] ) ? (int) $attributes['teaser-paragraphs'] : $facts['defaults']['teaser_paragraphs'],
			isset( $attributes['read-more-href'] )
		);
	}
	// Then every value the markup carries: the attribute (already clean), or its default.
	$values = array();
	foreach ( $parts['holes'] as $name => $default ) {
		$values[ '{{' . $name . '}}' ] = therapist_attachment_article_protect_text( isset( $attributes[ $name ] ) ? $attributes[ $name ] : $default );
	}
	return strtr( $html, $values );
}

/**
 * `layout="teaser"`: the body's paragraphs of the filled template, cut into the ones shown and
 * the ones that wait, around "Continue reading" (the twin of teaserBody() in src/prerender.ts).
 *
 * @param array  $parts      From therapist_attachment_article_prerender_parts().
 * @param string $html       The template, its structure filled.
 * @param int    $shown      How many paragraphs show (already checked).
 * @param bool   $link       A link to the full post (its holes left open), or the button.
 * @return string HTML.
 */
function therapist_attachment_article_teaser_body( $parts, $html, $shown, $link ) {
	$body_start = '<div part="body" class="body"><!--lit-part-->';
	$body_end   = '<!--/lit-part--></div><!--lit-part--><!--/lit-part--><section';
	$start      = strpos( $html, $body_start );
	$end        = false === $start ? false : strpos( $html, $body_end, $start );
	if ( false === $end ) {
		return $html; // Not the template the parts were made from: never the case.
	}
	$paragraphs = preg_split(
		'/(?=<!--lit-part [^>]*--><!--lit-node 0--><p part="paragraph">)/',
		substr( $html, $start + strlen( $body_start ), $end - $start - strlen( $body_start ) ),
		-1,
		PREG_SPLIT_NO_EMPTY
	);
	return substr( $html, 0, $start )
		. '<div part="body" class="body">'
		. $parts['teaser']['open']
		. implode( '', array_slice( $paragraphs, 0, $shown ) )
		. ( $link ? $parts['teaser']['link'] : $parts['teaser']['button'] )
		. implode( '', array_slice( $paragraphs, $shown ) )
		. ( $link ? $parts['teaser']['linkClose'] : $parts['teaser']['close'] )
		. substr( $html, $end + strlen( $body_end ) - strlen( '<section' ) );
}

/**
 * A teaser whose "Continue reading" links to the full post elsewhere (`read-more-href`): the
 * page republishes only its opening, so its structured data and feeds carry only that and
 * name the full post, as src/content/structured-data.ts does with an `excerpt`.
 *
 * The full post's URL is made absolute against this post's address (search engines need an
 * absolute one). Only `https:` and `http:` posts count: a teaser whose link is a `#fragment`,
 * `mailto:` or `tel:` link is described as the whole article, as without the link.
 *
 * @param array<string, string> $attributes Clean values from therapist_attachment_article_sanitize_attributes().
 * @return array{paragraphs: int, url: string}|null Null for the whole article.
 */
function therapist_attachment_article_excerpt( $attributes ) {
	if ( ! isset( $attributes['layout'], $attributes['read-more-href'] ) || 'teaser' !== $attributes['layout'] ) {
		return null;
	}
	$href = $attributes['read-more-href'];
	if ( '' === $href || '#' === $href[0] ) {
		return null;
	}
	$post = get_post();
	$base = $post instanceof WP_Post ? get_permalink( $post ) : false;
	$url  = WP_Http::make_absolute_url( $href, is_string( $base ) && '' !== $base ? $base : home_url( '/' ) );
	if ( ! in_array( strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) ), array( 'https', 'http' ), true ) ) {
		return null;
	}
	$facts = therapist_attachment_article_facts();
	return array(
		'paragraphs' => isset( $attributes['teaser-paragraphs'] ) ? (int) $attributes['teaser-paragraphs'] : $facts['defaults']['teaser_paragraphs'],
		'url'        => $url,
	);
}

/**
 * The BlogPosting JSON-LD `script` element of a teaser: only its paragraphs, and the full post's
 * URL (blogPostingScript() with an `excerpt` in src/content/structured-data.ts, from its
 * generated parts).
 *
 * @param int    $paragraphs How many paragraphs the teaser shows.
 * @param string $url        The full post's absolute URL.
 * @return string HTML.
 */
function therapist_attachment_article_json_ld_excerpt( $paragraphs, $url ) {
	$parts = therapist_attachment_article_structured_data()['json_ld_excerpt'];
	// As JSON.stringify() writes it, then `<`, `>` and `&` as escapes (PHP already escapes
	// U+2028 and U+2029): no text can close the script element.
	$json = strtr(
		wp_json_encode( (string) $url, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ),
		array(
			'<' => '\u003c',
			'>' => '\u003e',
			'&' => '\u0026',
		)
	);
	return strtr(
		$parts['template'],
		array(
			'{{articleBody}}' => implode( $parts['separator'], array_slice( $parts['paragraphs'], 0, $paragraphs ) ),
			'{{wordCount}}'   => (string) array_sum( array_slice( $parts['word_counts'], 0, $paragraphs ) ),
			'{{url}}'         => $json,
		)
	);
}

/**
 * A teaser's article as plain HTML for feeds: its paragraphs, then a link to the full post
 * (seoMarkup() with an `excerpt` in src/content/structured-data.ts, from its generated parts).
 *
 * @param int    $paragraphs How many paragraphs the teaser shows.
 * @param string $url        The full post's absolute URL.
 * @return string HTML.
 */
function therapist_attachment_article_seo_markup_excerpt( $paragraphs, $url ) {
	$parts = therapist_attachment_article_structured_data()['seo_markup_excerpt'];
	return strtr(
		$parts['template'],
		array(
			'{{paragraphs}}' => implode( '', array_slice( $parts['paragraphs'], 0, $paragraphs ) ),
			'{{url}}'        => esc_attr( $url ),
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
 * The whole article's, unless every one on the page is a teaser of a post elsewhere: then the
 * first teaser's (its paragraphs, and the full post's URL).
 *
 * @param bool                                    $used    True from the renderer.
 * @param array{paragraphs: int, url: string}|null $excerpt From the renderer: from therapist_attachment_article_excerpt().
 */
function therapist_attachment_article_json_ld( $used = false, $excerpt = null ) {
	static $state = 'unused';
	static $whole = false;
	static $first = null;
	if ( true === $used ) {
		if ( 'unused' === $state ) {
			$state = 'used';
		}
		if ( ! is_array( $excerpt ) ) {
			$whole = true;
		} elseif ( null === $first ) {
			$first = $excerpt;
		}
		return;
	}
	if ( 'used' !== $state ) {
		return;
	}
	$state = 'printed';
	$json  = $whole || null === $first
		? therapist_attachment_article_structured_data()['json_ld']
		: therapist_attachment_article_json_ld_excerpt( $first['paragraphs'], $first['url'] );
	/**
	 * Filters whether the plugin prints the article's schema.org BlogPosting JSON-LD (off when
	 * an SEO plugin describes the page itself).
	 *
	 * @param bool $print Default true.
	 */
	if ( apply_filters( 'therapist_attachment_article_print_json_ld', true ) ) {
		echo $json . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- generated, every text JSON-escaped.
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
