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
 * The settings of the shortcode and the block.
 *
 * Each key is the shortcode attribute (snake_case). The element's attributes come from its
 * attribute table (src/attributes.ts), generated into
 * therapist_attachment_article_element_attribute_specs() (includes/generated/attributes.php),
 * which says what each holds: `attribute` (the element's, kebab-case), `block` (block.json's,
 * camelCase), `type`, `default`, the words people read, `routes_messages` and `only_with`. A new
 * attribute of the element is one row in that table: nothing to add here, in block.json or in
 * the block editor's script.
 *
 * Added here: the plugin's own `form` switch, with no element attribute (`attribute` null): the
 * contact form on, off, or (absent) decided by the other settings; see
 * therapist_attachment_article_sanitize_attributes().
 *
 * @return array<string, array<string, mixed>>
 */
function therapist_attachment_article_attribute_specs() {
	return therapist_attachment_article_element_attribute_specs() + array(
		'form' => array(
			'attribute' => null,
			'block'     => 'showForm',
			'type'      => 'switch',
			'default'   => null,
			'label'     => __( 'Show a contact form', 'therapist-attachment-article' ),
		),
	);
}

/**
 * URL schemes a link may use: the element's own list (src/safe-url.ts, generated).
 * Paths relative to the page and `#fragments` are allowed too.
 *
 * @return string[]
 */
function therapist_attachment_article_url_protocols() {
	$facts = therapist_attachment_article_facts();
	return $facts['url_schemes'];
}

/** Longest URL accepted; longer ones are dropped rather than cut (a cut URL leads elsewhere). */
const THERAPIST_ATTACHMENT_ARTICLE_MAX_URL_LENGTH = 2048;

/**
 * Turns what an author typed into the attributes the element receives.
 *
 * How visitors reach out, in this order:
 * 1. `form` on or off, when given, decides;
 * 2. otherwise an explicit `cta_href` gives the button it names;
 * 3. otherwise the site's default link (Settings → Therapist Attachment Article) gives a button;
 * 4. otherwise the contact form.
 * A button without a link of its own (the form turned off) links to the site's default link.
 * The form posts to the plugin's own route, unless `form_action` names another endpoint and
 * therapist_attachment_article_form_action_trusted() says the content may choose it.
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

	// Settings that mean something only beside others (`only_with`: the teaser's, in the whole
	// article) are dropped without them, and so are those that need a dropped one.
	$clean = therapist_attachment_article_drop_unneeded( $clean );

	// The site's defaults pass the same checks as what an author types: the option may have
	// been written by anything (WP-CLI, an import, another plugin), not only the settings
	// screen, and the pre-rendered article uses these values as they are.
	$settings      = therapist_attachment_article_settings();
	$specs         = therapist_attachment_article_attribute_specs();
	$default_theme = therapist_attachment_article_sanitize_value( $settings['default_theme'], $specs['theme'] );
	$default_href  = therapist_attachment_article_sanitize_value( $settings['default_cta_href'], $specs['cta_href'] );
	if ( ! isset( $clean['theme'] ) && null !== $default_theme ) {
		$clean['theme'] = $default_theme;
	}

	if ( isset( $switches['form'] ) ) {
		$form = 'on' === $switches['form'];
	} elseif ( isset( $clean['cta-href'] ) ) {
		$form = false;
	} elseif ( null !== $default_href ) {
		$form              = false;
		$clean['cta-href'] = $default_href;
	} else {
		$form = true;
	}

	if ( ! $form ) {
		// The button links where the author said, or else to the site's default link (as the
		// block editor's preview shows it), or else to the element's own default.
		if ( ! isset( $clean['cta-href'] ) && null !== $default_href ) {
			$clean['cta-href'] = $default_href;
		}
		unset( $clean['form-action'], $clean['form-encoding'] );
		return $clean;
	}
	if ( isset( $clean['form-action'] ) && ! therapist_attachment_article_form_action_trusted( $clean['form-action'] ) ) {
		unset( $clean['form-action'], $clean['form-encoding'] );
	}
	if ( ! isset( $clean['form-action'] ) ) {
		// The site's ceiling is reached this hour: visitors get the practice's contact page
		// (the site's default link) rather than a form that would refuse them.
		if ( null !== $default_href && therapist_attachment_article_contact_ceiling_is_reached() ) {
			unset( $clean['form-encoding'] );
			$clean['cta-href'] = $default_href;
			return $clean;
		}
		// The plugin's route reads JSON and form bodies alike; `urlencoded` is what the
		// pre-rendered form sends without JavaScript, so the element enables it then.
		$clean['form-action']   = therapist_attachment_article_contact_url();
		$clean['form-encoding'] = 'urlencoded';
	}
	// The link's settings mean nothing beside the form, which takes its place.
	unset( $clean['cta-href'], $clean['cta-label'], $clean['cta-target'] );
	return $clean;
}

/**
 * Drops each setting whose `only_with` does not hold: another setting with a given value (or,
 * for `true`, with any value), the other's default counting when it is absent.
 *
 * @param array<string, string> $clean Element attribute name => clean value.
 * @return array<string, string>
 */
function therapist_attachment_article_drop_unneeded( $clean ) {
	$specs    = therapist_attachment_article_attribute_specs();
	$by_block = array_column( $specs, null, 'block' );
	do {
		$dropped = false;
		foreach ( $specs as $spec ) {
			if ( empty( $spec['only_with'] ) || ! isset( $clean[ $spec['attribute'] ] ) ) {
				continue;
			}
			foreach ( $spec['only_with'] as $block => $wanted ) {
				$other = $by_block[ $block ];
				$value = isset( $clean[ $other['attribute'] ] ) ? $clean[ $other['attribute'] ] : $other['default'];
				$holds = true === $wanted ? null !== $value && '' !== $value : (string) $wanted === (string) $value;
				if ( ! $holds ) {
					unset( $clean[ $spec['attribute'] ] );
					$dropped = true;
					break;
				}
			}
		}
	} while ( $dropped );
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
	// Only what the URL parser strips itself (U+0000–U+0020), as the element does: trimming
	// U+00A0 too would let "\u00a0//evil.example" pass here as a path and leave the element a
	// different URL.
	$url = trim( (string) $url, "\x00..\x20" );
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
