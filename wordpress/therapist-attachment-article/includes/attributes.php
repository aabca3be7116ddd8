<?php
/**
 * The one place that decides which settings reach the element, and in what form.
 *
 * The shortcode and the block both pass what an author typed through
 * therapist_attachment_article_sanitize_attributes(). A value that is missing, empty or not
 * allowed is dropped, so the element's own documented default applies.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings the plugin passes on to `<therapist-attachment-article>`.
 *
 * Each key is the shortcode attribute (snake_case). For each setting:
 * - `attribute`: the element's attribute (kebab-case), or null for a setting of the plugin's own;
 * - `block`: the block attribute in block/block.json (camelCase);
 * - `type`: `integer` (with `min`/`max`), `enum` (with `values`), `url`, `form_url` (https: or a
 *   path on this site only), `text` (with `max_length`) or `switch` (on or off; a boolean in the
 *   block).
 *
 * A new setting of the element is one more entry here, plus its block.json attribute and its
 * control in block/index.js (a unit test checks that block.json and this list agree).
 *
 * @return array<string, array<string, mixed>>
 */
function therapist_attachment_article_attribute_specs() {
	return array(
		'heading_level' => array(
			'attribute' => 'heading-level',
			'block'     => 'headingLevel',
			'type'      => 'integer',
			'min'       => 1,
			'max'       => 6,
		),
		'cta_href'      => array(
			'attribute' => 'cta-href',
			'block'     => 'ctaHref',
			'type'      => 'url',
		),
		'cta_label'     => array(
			'attribute'  => 'cta-label',
			'block'      => 'ctaLabel',
			'type'       => 'text',
			'max_length' => 120,
		),
		'cta_target'    => array(
			'attribute' => 'cta-target',
			'block'     => 'ctaTarget',
			'type'      => 'enum',
			'values'    => array( '_self', '_blank', '_top' ),
		),
		'theme'         => array(
			'attribute' => 'theme',
			'block'     => 'theme',
			'type'      => 'enum',
			'values'    => array( 'light', 'dark', 'auto' ),
		),
		// The contact form is on unless turned off; it posts to the plugin's own route (which
		// emails the site's admin) unless another endpoint is given.
		'form'          => array(
			'attribute' => null,
			'block'     => 'showForm',
			'type'      => 'switch',
		),
		'form_action'   => array(
			'attribute' => 'form-action',
			'block'     => 'formAction',
			'type'      => 'form_url',
		),
		'form_encoding' => array(
			'attribute' => 'form-encoding',
			'block'     => 'formEncoding',
			'type'      => 'enum',
			'values'    => array( 'json', 'urlencoded' ),
		),
	);
}

/**
 * URL schemes a link may use: the same list as the element's own check (src/safe-url.ts).
 * Paths relative to the page and `#fragments` are allowed too.
 *
 * @return string[]
 */
function therapist_attachment_article_url_protocols() {
	return array( 'http', 'https', 'mailto', 'tel' );
}

/** Longest URL accepted; longer ones are dropped rather than cut (a cut URL leads elsewhere). */
const THERAPIST_ATTACHMENT_ARTICLE_MAX_URL_LENGTH = 2048;

/**
 * Turns what an author typed into the attributes the element receives.
 *
 * The contact form is the one setting with a default of the plugin's own: unless it is turned
 * off, the element gets a `form-action`, the one given or else the plugin's contact route
 * (includes/contact.php), so the form works with no set-up.
 *
 * @param array  $raw    Values as given: shortcode attributes (after shortcode_atts()) or block attributes.
 * @param string $source `shortcode` (snake_case keys) or `block` (camelCase keys).
 * @return array<string, string> Element attribute name => clean, unescaped value; only valid settings.
 */
function therapist_attachment_article_sanitize_attributes( $raw, $source = 'shortcode' ) {
	$clean    = array();
	$switches = array();
	if ( ! is_array( $raw ) ) {
		$raw = array();
	}
	foreach ( therapist_attachment_article_attribute_specs() as $key => $spec ) {
		$name = 'block' === $source ? $spec['block'] : $key;
		if ( ! array_key_exists( $name, $raw ) ) {
			continue;
		}
		$value = therapist_attachment_article_sanitize_value( $raw[ $name ], $spec );
		if ( null === $value ) {
			continue;
		}
		if ( null === $spec['attribute'] ) {
			$switches[ $key ] = $value;
		} else {
			$clean[ $spec['attribute'] ] = $value;
		}
	}

	if ( isset( $switches['form'] ) && 'off' === $switches['form'] ) {
		unset( $clean['form-action'], $clean['form-encoding'] );
	} elseif ( ! isset( $clean['form-action'] ) ) {
		$clean['form-action'] = therapist_attachment_article_contact_url();
	}
	return $clean;
}

/**
 * Words that turn a `switch` setting on or off (the shortcode's `form="off"`).
 *
 * @return array<string, string>
 */
function therapist_attachment_article_switch_words() {
	return array(
		'on'    => 'on',
		'yes'   => 'on',
		'true'  => 'on',
		'1'     => 'on',
		'off'   => 'off',
		'no'    => 'off',
		'false' => 'off',
		'0'     => 'off',
	);
}

/**
 * Cleans one value for its setting.
 *
 * @param mixed $value The value as given.
 * @param array $spec  The setting, from therapist_attachment_article_attribute_specs().
 * @return string|null The clean value, or null when it is missing or not allowed.
 */
function therapist_attachment_article_sanitize_value( $value, $spec ) {
	// Block attributes arrive as JSON types; anything but a string or an integer is not ours,
	// except the booleans of a switch.
	if ( 'switch' === $spec['type'] && is_bool( $value ) ) {
		return $value ? 'on' : 'off';
	}
	if ( is_int( $value ) ) {
		$value = (string) $value;
	}
	if ( ! is_string( $value ) ) {
		return null;
	}

	switch ( $spec['type'] ) {
		case 'integer':
			$value = trim( $value );
			if ( ! preg_match( '/^[0-9]{1,2}$/', $value ) ) {
				return null;
			}
			$number = (int) $value;
			return ( $number >= $spec['min'] && $number <= $spec['max'] ) ? (string) $number : null;

		case 'enum':
			$value = strtolower( trim( $value ) );
			return in_array( $value, $spec['values'], true ) ? $value : null;

		case 'url':
			$url = therapist_attachment_article_esc_url( $value, 'db' );
			return '' === $url ? null : $url;

		case 'form_url':
			return therapist_attachment_article_form_url( $value );

		case 'switch':
			$words = therapist_attachment_article_switch_words();
			$value = strtolower( trim( $value ) );
			return isset( $words[ $value ] ) ? $words[ $value ] : null;

		case 'text':
			$text = sanitize_text_field( $value );
			if ( function_exists( 'mb_substr' ) ) {
				$text = mb_substr( $text, 0, $spec['max_length'], 'UTF-8' );
			} else {
				$text = wp_check_invalid_utf8( substr( $text, 0, $spec['max_length'] ), true );
			}
			$text = trim( $text );
			return '' === $text ? null : $text;
	}
	return null;
}

/**
 * Where a visitor's message may be sent: an `https:` URL or a path on this site, as the element
 * also requires (it accepts an `http:` URL of the page's own origin too, which a server cannot
 * judge). Not `http:` elsewhere (the message would cross the network readable), not `mailto:`
 * or `tel:`, not a `#fragment` or a `//host` without a scheme, and no user name or password.
 *
 * @param string $value The URL as given.
 * @return string|null The URL, unescaped, or null.
 */
function therapist_attachment_article_form_url( $value ) {
	$url = therapist_attachment_article_esc_url( $value, 'db' );
	if ( '' === $url || '#' === $url[0] || 0 === strpos( $url, '//' ) || 0 === strpos( $url, '\\' ) ) {
		return null;
	}
	$parts = wp_parse_url( $url );
	if ( ! is_array( $parts ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
		return null;
	}
	if ( isset( $parts['scheme'] ) ) {
		return ( 'https' === strtolower( $parts['scheme'] ) && ! empty( $parts['host'] ) ) ? $url : null;
	}
	// No scheme: a path. A colon in it would read as a scheme to a browser: esc_url() lets
	// only the allowed ones through, so refuse the rest here.
	return preg_match( '/^[^\/?#]*:/', $url ) ? null : $url;
}

/**
 * WordPress's esc_url() limited to the element's schemes, keeping relative paths relative.
 *
 * esc_url() refuses other schemes (`javascript:`, `data:`, `vbscript:` …, however they are
 * spelt or encoded) and strips characters that do not belong in a URL. It also prefixes
 * `http://` to any value without a colon that does not start with `/`, `#` or `?`, which would
 * turn `contact.html` or `../contact` into a link to a host called `contact.html` or `..`; for
 * such values, which have no scheme, the prefix is taken off again.
 *
 * @param string $url     The URL as given.
 * @param string $context `display` to escape for an HTML attribute (default), `db` for the raw value.
 * @return string The URL, or '' when it is not allowed.
 */
function therapist_attachment_article_esc_url( $url, $context = 'display' ) {
	$url = trim( (string) $url );
	// Browsers drop tabs and newlines inside URLs (`java\tscript:`): refuse control characters
	// outright, as the element does, instead of guessing what they hide.
	if ( '' === $url || strlen( $url ) > THERAPIST_ATTACHMENT_ARTICLE_MAX_URL_LENGTH || preg_match( '/[\x00-\x1F\x7F]/', $url ) ) {
		return '';
	}

	$escaped = esc_url( $url, therapist_attachment_article_url_protocols(), $context );
	if ( '' === $escaped ) {
		return '';
	}
	if ( false === strpos( $url, ':' ) && 0 === strpos( $escaped, 'http://' ) ) {
		$escaped = substr( $escaped, strlen( 'http://' ) );
	}

	// Last check, on the value as a browser could read it after any number of entity decodings
	// (`javascript&#58;…` has no colon until it is decoded; in an attribute, a browser decodes
	// `&#58` without its semicolon too): its scheme, if any, must be allowed.
	$decoded = $escaped;
	do {
		$previous = $decoded;
		$decoded  = html_entity_decode( $previous, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$decoded  = preg_replace_callback(
			'/&#(x[0-9a-f]+|[0-9]+);?/i',
			static function ( $ref ) {
				$character = html_entity_decode( '&#' . $ref[1] . ';', ENT_QUOTES | ENT_HTML5, 'UTF-8' );
				return ( '' === $character || '&' === $character[0] ) ? '' : $character;
			},
			$decoded
		);
	} while ( $decoded !== $previous );
	$decoded = preg_replace( '/[\x00-\x20\x7F]+/', '', $decoded );
	if ( '' === $decoded ) {
		return '';
	}
	if ( preg_match( '/^([^\/?#]*):/', $decoded, $match )
		&& ! in_array( strtolower( $match[1] ), therapist_attachment_article_url_protocols(), true ) ) {
		return '';
	}
	return $escaped;
}
