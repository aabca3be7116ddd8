<?php
/**
 * Who decides where visitors' messages go.
 *
 * Only people trusted with the site's markup (the `unfiltered_html` capability: Administrators
 * and Editors on a single site, Super Admins on a multisite network) may send visitors' messages
 * to an endpoint of their choosing (`formAction` of the block, `form_action` of the shortcode);
 * everyone else may choose only endpoints an administrator allowed, by address prefix, in
 * Settings → Therapist Attachment Article.
 *
 * The rule is applied when content is saved, as WordPress's own kses applies its rules: a user
 * without `unfiltered_html` who saves a post, page, synced pattern (`wp_block`), template or
 * template part, revision or autosave (through the editor, the REST API, XML-RPC or code), or a
 * widget, or anyone who posts a comment, loses any endpoint that is not allowed. What was saved
 * is then what every later reader, editor or new author of the content gets: an Administrator
 * who inserts an Author's pattern or takes over an Author's post does not bring a removed
 * endpoint back.
 *
 * And again when content is shown, as a second line for content saved before this rule (or
 * written to the database some other way): the author of what is shown must have
 * `unfiltered_html`, where the author of a synced pattern is the pattern's own author, not the
 * page's; in comments, no endpoint but the allowed ones counts.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether an endpoint is on the administrators' allow-list: it equals an allowed address, or
 * continues it after a `/` (the allowed address's own, or the next character), `?` or `#`. So
 * `https://formspree.io/f/abc123` allows itself but not `https://formspree.io/f/abc1234` or
 * `https://formspree.io/f/other`. An endpoint with `.` or `..` path segments, which a browser
 * would resolve to another path, is never allowed.
 *
 * @param string $url The endpoint (already checked by therapist_attachment_article_form_url()).
 * @return bool
 */
function therapist_attachment_article_endpoint_allowed( $url ) {
	$url = therapist_attachment_article_endpoint_normal( $url );
	if ( '' === $url ) {
		return false;
	}
	foreach ( therapist_attachment_article_settings()['allowed_endpoints'] as $prefix ) {
		$prefix = therapist_attachment_article_endpoint_normal( $prefix );
		if ( '' === $prefix || 0 !== strpos( $url, $prefix ) ) {
			continue;
		}
		$next = substr( $url, strlen( $prefix ), 1 );
		if ( '' === $next || '/' === substr( $prefix, -1 ) || in_array( $next, array( '/', '?', '#' ), true ) ) {
			return true;
		}
	}
	return false;
}

/**
 * An https: address with its scheme and host in lowercase, for comparing; '' when it is not an
 * https: address, or when its path has `.` or `..` segments (plain or percent-encoded) or
 * backslashes.
 *
 * @param string $url The address.
 * @return string
 */
function therapist_attachment_article_endpoint_normal( $url ) {
	$url = trim( (string) $url );
	if ( ! preg_match( '#^https://([^/?\#]+)(.*)$#is', $url, $match ) ) {
		return '';
	}
	$path = preg_split( '/[?#]/', $match[2], 2 )[0];
	if ( false !== strpos( $path, '\\' ) || preg_match( '#(^|/)(\.|%2e){1,2}(/|$)#i', $path ) ) {
		return '';
	}
	return 'https://' . strtolower( $match[1] ) . $match[2];
}

/**
 * Whether visitors' messages may go to this endpoint rather than the plugin's own route, for the
 * content being shown.
 *
 * @param string $url The endpoint, already checked by therapist_attachment_article_form_url().
 * @return bool
 */
function therapist_attachment_article_form_action_trusted( $url ) {
	$post = get_post();
	if ( therapist_attachment_article_endpoint_allowed( $url ) ) {
		$trusted = true;
	} elseif ( therapist_attachment_article_rendering_comment() ) {
		$trusted = false;
	} else {
		$author  = therapist_attachment_article_rendering_author();
		$author  = null !== $author ? $author : ( $post instanceof WP_Post ? (int) $post->post_author : 0 );
		$trusted = $author > 0 && user_can( $author, 'unfiltered_html' );
	}

	/**
	 * Filters whether content may send visitors' messages to this endpoint.
	 *
	 * @param bool         $trusted Whether the content's author has `unfiltered_html`, or the endpoint is allowed.
	 * @param string       $url     The endpoint.
	 * @param WP_Post|null $post    The content being rendered.
	 */
	return (bool) apply_filters( 'therapist_attachment_article_form_action_trusted', $trusted, $url, $post );
}

/**
 * The author of the synced pattern being rendered (the innermost one), or null outside one.
 *
 * @param int|null|false $push An author to push (a pattern starts), false to pop (it ended), null to read.
 * @return int|null
 */
function therapist_attachment_article_rendering_author( $push = null ) {
	static $authors = array();
	if ( false === $push ) {
		array_pop( $authors );
	} elseif ( null !== $push ) {
		$authors[] = (int) $push;
	}
	return array() === $authors ? null : end( $authors );
}

/**
 * Whether a comment's text is being rendered.
 *
 * @param bool|null $set True when a comment's text starts, false when it ends, null to read.
 * @return bool
 */
function therapist_attachment_article_rendering_comment( $set = null ) {
	static $depth = 0;
	if ( true === $set ) {
		++$depth;
	} elseif ( false === $set ) {
		$depth = max( 0, $depth - 1 );
	}
	return $depth > 0;
}

/**
 * Wraps the synced pattern block's render callback, so that what it renders is judged by the
 * pattern's own author. Filters `register_block_type_args`.
 *
 * @param array  $args The block type's arguments.
 * @param string $name The block type's name.
 * @return array
 */
function therapist_attachment_article_wrap_pattern_block( $args, $name ) {
	if ( 'core/block' !== $name || empty( $args['render_callback'] ) || ! is_callable( $args['render_callback'] ) ) {
		return $args;
	}
	$render                  = $args['render_callback'];
	$args['render_callback'] = static function ( $attributes, $content = '', $block = null ) use ( $render ) {
		$pattern = isset( $attributes['ref'] ) ? get_post( (int) $attributes['ref'] ) : null;
		if ( ! $pattern instanceof WP_Post ) {
			return call_user_func( $render, $attributes, $content, $block );
		}
		therapist_attachment_article_rendering_author( (int) $pattern->post_author );
		try {
			return call_user_func( $render, $attributes, $content, $block );
		} finally {
			therapist_attachment_article_rendering_author( false );
		}
	};
	return $args;
}

/**
 * Marks the start of a comment's text (`comment_text`, first), so that shortcodes in it are
 * never trusted with an endpoint.
 *
 * @param string $text The comment's text.
 * @return string
 */
function therapist_attachment_article_comment_start( $text ) {
	therapist_attachment_article_rendering_comment( true );
	return $text;
}

/**
 * Marks the end of a comment's text (`comment_text`, last).
 *
 * @param string $text The comment's text.
 * @return string
 */
function therapist_attachment_article_comment_end( $text ) {
	therapist_attachment_article_rendering_comment( false );
	return $text;
}

/**
 * The settings that decide where visitors' messages go (`routes_messages`: `form_action` of
 * the shortcode, `formAction` of the block), shortcode attribute => block attribute.
 *
 * @return array<string, string>
 */
function therapist_attachment_article_message_routes() {
	$routes = array();
	foreach ( therapist_attachment_article_attribute_specs() as $key => $spec ) {
		if ( ! empty( $spec['routes_messages'] ) ) {
			$routes[ $key ] = $spec['block'];
		}
	}
	return $routes;
}

/**
 * Removes the endpoints that are not allowed from content: from the article block's comment
 * and from the shortcode, every setting that decides where messages go
 * (therapist_attachment_article_message_routes()) with an address that is not allowed; and with
 * it the encoding (`formEncoding`, `form_encoding`), which means nothing without it.
 *
 * @param string $content Unslashed content.
 * @return string
 */
function therapist_attachment_article_strip_endpoints( $content ) {
	$routes = therapist_attachment_article_message_routes();
	if ( ! is_string( $content ) ) {
		return $content;
	}
	$named = false;
	foreach ( $routes as $key => $block ) {
		$named = $named || false !== stripos( $content, $block ) || false !== stripos( $content, $key );
	}
	if ( ! $named ) {
		return $content;
	}
	/** Whether an endpoint as given may stay. */
	$allowed = static function ( $value ) {
		$url = therapist_attachment_article_form_url( is_string( $value ) ? $value : '' );
		return null !== $url && therapist_attachment_article_endpoint_allowed( $url );
	};
	// The block: <!-- wp:therapist-attachment-article/article {…} /-->, as core's parser reads it.
	$content = preg_replace_callback(
		'/<!--\s+wp:therapist-attachment-article\/article\s+(\{(?:(?!\}\s+\/?-->).)*+\}\s+)(\/)?-->/s',
		static function ( $match ) use ( $routes, $allowed ) {
			$attributes = json_decode( $match[1], true );
			if ( ! is_array( $attributes ) ) {
				return $match[0];
			}
			$changed = false;
			foreach ( $routes as $block ) {
				if ( array_key_exists( $block, $attributes ) && ! $allowed( $attributes[ $block ] ) ) {
					unset( $attributes[ $block ] );
					$changed = true;
				}
			}
			if ( ! $changed ) {
				return $match[0];
			}
			unset( $attributes['formEncoding'] );
			$json = array() === $attributes ? '' : serialize_block_attributes( $attributes ) . ' ';
			return '<!-- wp:therapist-attachment-article/article ' . $json . ( isset( $match[2] ) ? '/' : '' ) . '-->';
		},
		$content
	);
	// The shortcode, with core's own pattern for it.
	$content = preg_replace_callback(
		'/' . get_shortcode_regex( array( THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE ) ) . '/',
		static function ( $match ) use ( $routes, $allowed ) {
			if ( '[' === $match[1] && ']' === $match[6] ) {
				return $match[0]; // [[escaped]]: shown as text, never run.
			}
			$atts = shortcode_parse_atts( $match[3] );
			if ( ! is_array( $atts ) ) {
				return $match[0];
			}
			$dropped = array();
			foreach ( $atts as $key => $value ) {
				if ( is_string( $key ) && isset( $routes[ strtolower( $key ) ] ) && ! $allowed( (string) $value ) ) {
					$dropped[ strtolower( $key ) ] = true;
				}
			}
			if ( array() === $dropped ) {
				return $match[0];
			}
			$dropped['form_encoding'] = true;
			$kept                     = '';
			foreach ( $atts as $key => $value ) {
				if ( is_string( $key ) && isset( $dropped[ strtolower( $key ) ] ) ) {
					continue;
				}
				$kept .= is_int( $key ) ? ' ' . $value : ' ' . $key . '="' . str_replace( array( '"', '[', ']' ), array( '&quot;', '&#91;', '&#93;' ), $value ) . '"';
			}
			return $match[1] . '[' . $match[2] . $kept . $match[4] . ']' . ( '' === $match[5] ? '' : $match[5] . '[/' . $match[2] . ']' ) . $match[6];
		},
		$content
	);
	return $content;
}

/**
 * Save time, for posts of every type (revisions and autosaves included): strips endpoints from
 * what a user without `unfiltered_html` saves. Filters `wp_insert_post_data` (slashed data).
 *
 * @param array $data The post's fields, slashed.
 * @return array
 */
function therapist_attachment_article_filter_post_data( $data ) {
	if ( current_user_can( 'unfiltered_html' ) ) {
		return $data;
	}
	foreach ( array( 'post_content', 'post_excerpt' ) as $field ) {
		if ( isset( $data[ $field ] ) && is_string( $data[ $field ] ) ) {
			$clean = therapist_attachment_article_strip_endpoints( wp_unslash( $data[ $field ] ) );
			if ( $clean !== wp_unslash( $data[ $field ] ) ) {
				$data[ $field ] = wp_slash( $clean );
			}
		}
	}
	return $data;
}

/**
 * Save time, for widgets (block, text and custom HTML widgets): strips endpoints from what a
 * user without `unfiltered_html` saves. Filters `pre_update_option_widget_*`.
 *
 * @param mixed $value The widgets' option.
 * @return mixed
 */
function therapist_attachment_article_filter_widgets( $value ) {
	if ( current_user_can( 'unfiltered_html' ) ) {
		return $value;
	}
	if ( is_string( $value ) ) {
		return therapist_attachment_article_strip_endpoints( $value );
	}
	if ( is_array( $value ) ) {
		foreach ( $value as $key => $item ) {
			$value[ $key ] = therapist_attachment_article_filter_widgets( $item );
		}
	}
	return $value;
}

/**
 * Save time, for comments: strips endpoints from every comment of a user without
 * `unfiltered_html` (a site may run shortcodes in comments). Filters `preprocess_comment`.
 *
 * @param array $comment The comment's fields.
 * @return array
 */
function therapist_attachment_article_filter_comment( $comment ) {
	if ( isset( $comment['comment_content'] ) && is_string( $comment['comment_content'] ) && ! current_user_can( 'unfiltered_html' ) ) {
		// Slashed here, as wp_new_comment() passes it on.
		$comment['comment_content'] = wp_slash( therapist_attachment_article_strip_endpoints( wp_unslash( $comment['comment_content'] ) ) );
	}
	return $comment;
}

/**
 * Hooks the rule in.
 */
function therapist_attachment_article_trust_hooks() {
	add_filter( 'wp_insert_post_data', 'therapist_attachment_article_filter_post_data', 5 );
	foreach ( array( 'widget_block', 'widget_text', 'widget_custom_html' ) as $option ) {
		add_filter( 'pre_update_option_' . $option, 'therapist_attachment_article_filter_widgets' );
	}
	add_filter( 'preprocess_comment', 'therapist_attachment_article_filter_comment' );
	add_filter( 'register_block_type_args', 'therapist_attachment_article_wrap_pattern_block', 10, 2 );
	add_filter( 'comment_text', 'therapist_attachment_article_comment_start', -1000 );
	add_filter( 'comment_text', 'therapist_attachment_article_comment_end', PHP_INT_MAX );
}
