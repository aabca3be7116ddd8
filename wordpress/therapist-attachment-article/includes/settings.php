<?php
/**
 * The plugin's settings screen: Settings → Therapist Attachment Article.
 *
 * One option, `therapist_attachment_article_settings`, an array:
 * - `recipient`: where the contact form's messages go, one or more email addresses separated
 *   by commas; '' for the site's admin email address (the
 *   `therapist_attachment_article_contact_recipient` filter still applies on top);
 * - `allowed_endpoints`: https: addresses (prefixes) to which content by authors without
 *   `unfiltered_html` may send visitors' messages through `form_action` (trust.php);
 * - `keep_days`: how many days a message that could not be emailed is kept at most (kept.php);
 * - `default_theme`: the colour scheme of articles that set none ('' or one of the element's
 *   themes);
 * - `default_cta_href`: '' for the contact form below articles that set nothing, or the URL
 *   the article's button links to instead.
 *
 * Read it with therapist_attachment_article_settings(), which fills in the defaults.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The option's name. */
const THERAPIST_ATTACHMENT_ARTICLE_SETTINGS = 'therapist_attachment_article_settings';

/** The settings screen's slug (options-general.php?page=…), also its Settings API page. */
const THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE = 'therapist-attachment-article';

/**
 * The settings when nothing was saved.
 *
 * @return array{recipient: string, allowed_endpoints: string[], keep_days: int, default_theme: string, default_cta_href: string}
 */
function therapist_attachment_article_settings_defaults() {
	return array(
		'recipient'         => '',
		'allowed_endpoints' => array(),
		'keep_days'         => 30,
		'default_theme'    => '',
		'default_cta_href' => '',
	);
}

/**
 * The site's settings, every key present, defaults filled in and stored values of the wrong
 * shape ignored.
 *
 * @return array{recipient: string, allowed_endpoints: string[], keep_days: int, default_theme: string, default_cta_href: string}
 */
function therapist_attachment_article_settings() {
	$settings = therapist_attachment_article_settings_defaults();
	$stored   = get_option( THERAPIST_ATTACHMENT_ARTICLE_SETTINGS, array() );
	if ( ! is_array( $stored ) ) {
		return $settings;
	}
	foreach ( array( 'recipient', 'default_cta_href' ) as $key ) {
		if ( isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) {
			$settings[ $key ] = $stored[ $key ];
		}
	}
	if ( isset( $stored['default_theme'] ) && in_array( $stored['default_theme'], therapist_attachment_article_facts()['themes'], true ) ) {
		$settings['default_theme'] = $stored['default_theme'];
	}
	if ( isset( $stored['allowed_endpoints'] ) && is_array( $stored['allowed_endpoints'] ) ) {
		$settings['allowed_endpoints'] = array_values( array_filter( $stored['allowed_endpoints'], 'is_string' ) );
	}
	if ( isset( $stored['keep_days'] ) && is_int( $stored['keep_days'] ) && $stored['keep_days'] >= 1 && $stored['keep_days'] <= 365 ) {
		$settings['keep_days'] = $stored['keep_days'];
	}
	return $settings;
}

/**
 * Registers the option and its screen's sections and fields. Runs on `admin_init`.
 */
function therapist_attachment_article_register_settings() {
	register_setting(
		THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE,
		THERAPIST_ATTACHMENT_ARTICLE_SETTINGS,
		array(
			'type'              => 'array',
			'description'       => __( 'Settings of the Therapist Attachment Article plugin.', 'therapist-attachment-article' ),
			'sanitize_callback' => 'therapist_attachment_article_sanitize_settings',
			'default'           => therapist_attachment_article_settings_defaults(),
			'show_in_rest'      => false,
		)
	);

	if ( ! function_exists( 'add_settings_section' ) ) {
		return; // Outside the admin screens (the REST API, say), only the option is needed.
	}
	$page = THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE;
	add_settings_section(
		'therapist_attachment_article_contact',
		__( 'Contact form', 'therapist-attachment-article' ),
		'therapist_attachment_article_settings_contact_intro',
		$page
	);
	add_settings_section(
		'therapist_attachment_article_defaults',
		__( 'Articles that set nothing else', 'therapist-attachment-article' ),
		'therapist_attachment_article_settings_defaults_intro',
		$page
	);
	foreach ( therapist_attachment_article_settings_fields() as $key => $field ) {
		add_settings_field(
			'therapist_attachment_article_' . $key,
			$field['label'],
			'therapist_attachment_article_settings_field',
			$page,
			$field['section'],
			array(
				'label_for' => therapist_attachment_article_settings_field_id( $key ),
				'key'       => $key,
			)
		);
	}
}

/**
 * The fields of the screen: label (also named in error messages) and section.
 *
 * @return array<string, array{label: string, section: string}>
 */
function therapist_attachment_article_settings_fields() {
	return array(
		'recipient'        => array(
			'label'   => __( 'Send messages to', 'therapist-attachment-article' ),
			'section' => 'therapist_attachment_article_contact',
		),
		'allowed_endpoints' => array(
			'label'   => __( 'Other addresses that may receive messages', 'therapist-attachment-article' ),
			'section' => 'therapist_attachment_article_contact',
		),
		'keep_days'         => array(
			'label'   => __( 'Keep messages that could not be emailed for', 'therapist-attachment-article' ),
			'section' => 'therapist_attachment_article_contact',
		),
		'default_theme'    => array(
			'label'   => __( 'Colour scheme', 'therapist-attachment-article' ),
			'section' => 'therapist_attachment_article_defaults',
		),
		'default_cta_href' => array(
			'label'   => __( 'Instead of the contact form, link to', 'therapist-attachment-article' ),
			'section' => 'therapist_attachment_article_defaults',
		),
	);
}

/**
 * A field's `id` on the screen.
 *
 * @param string $key The setting.
 * @return string
 */
function therapist_attachment_article_settings_field_id( $key ) {
	return 'therapist-attachment-article-' . str_replace( '_', '-', $key );
}

/** Introduces the contact form's section. */
function therapist_attachment_article_settings_contact_intro() {
	echo '<p>' . esc_html__( 'The form below the article emails each message. When this website cannot send email, it keeps the message, encrypted, and sends it as soon as it can (Settings → Kept messages); once emailed, nothing of it is kept on this website.', 'therapist-attachment-article' ) . '</p>';
}

/** Introduces the defaults' section. */
function therapist_attachment_article_settings_defaults_intro() {
	echo '<p>' . esc_html__( 'These apply to every article block and shortcode that does not choose for itself.', 'therapist-attachment-article' ) . '</p>';
}

/**
 * Prints one field, with its description tied to it by `aria-describedby`.
 *
 * @param array{key: string, label_for: string} $args From add_settings_field().
 */
function therapist_attachment_article_settings_field( $args ) {
	$key         = $args['key'];
	$settings    = therapist_attachment_article_settings();
	$id          = therapist_attachment_article_settings_field_id( $key );
	$name        = THERAPIST_ATTACHMENT_ARTICLE_SETTINGS . '[' . $key . ']';
	$description = $id . '-description';

	switch ( $key ) {
		case 'recipient':
			printf(
				'<input type="text" id="%1$s" name="%2$s" value="%3$s" class="regular-text" inputmode="email" autocomplete="off" spellcheck="false" aria-describedby="%4$s" />',
				esc_attr( $id ),
				esc_attr( $name ),
				esc_attr( $settings['recipient'] ),
				esc_attr( $description )
			);
			$text = sprintf(
				/* translators: %s: the site's admin email address. */
				__( 'One or more email addresses, separated by commas. Leave empty to use the administration email address (%s).', 'therapist-attachment-article' ),
				(string) get_option( 'admin_email' )
			);
			break;

		case 'allowed_endpoints':
			printf(
				'<textarea id="%1$s" name="%2$s" rows="4" cols="50" class="large-text code" spellcheck="false" aria-describedby="%4$s">%3$s</textarea>',
				esc_attr( $id ),
				esc_attr( $name ),
				esc_textarea( implode( "\n", $settings['allowed_endpoints'] ) ),
				esc_attr( $description )
			);
			$text = __( 'One full https: address per line, such as https://formspree.io/f/abc123: the address of your own form, not only its server. Articles by authors who may not post HTML, such as Authors and Contributors, may send visitors’ messages to these addresses (or to paths below one that ends with /). A server’s name alone is not enough, because on a shared form service every account has an address on the same server: allowing the server would let any author send your visitors’ messages to their own account there. Administrators and Editors may use any https: address. Leave empty to allow none.', 'therapist-attachment-article' );
			break;

		case 'keep_days':
			printf(
				'<input type="number" id="%1$s" name="%2$s" value="%3$d" min="1" max="365" step="1" class="small-text" aria-describedby="%4$s" /> %5$s',
				esc_attr( $id ),
				esc_attr( $name ),
				(int) $settings['keep_days'],
				esc_attr( $description ),
				esc_html__( 'days', 'therapist-attachment-article' )
			);
			$text = __( 'When this website cannot send email, visitors’ messages are kept, encrypted, and sent again automatically. Each is deleted once it is emailed, when you delete it, or after this many days (1 to 365).', 'therapist-attachment-article' );
			break;

		case 'default_theme':
			printf( '<select id="%1$s" name="%2$s" aria-describedby="%3$s">', esc_attr( $id ), esc_attr( $name ), esc_attr( $description ) );
			foreach ( therapist_attachment_article_settings_theme_labels() as $value => $label ) {
				printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $value ), selected( $settings['default_theme'], $value, false ), esc_html( $label ) );
			}
			echo '</select>';
			$text = __( 'The colours of articles that do not choose their own.', 'therapist-attachment-article' );
			break;

		default: // default_cta_href.
			printf(
				'<input type="text" id="%1$s" name="%2$s" value="%3$s" class="regular-text code" inputmode="url" spellcheck="false" aria-describedby="%4$s" />',
				esc_attr( $id ),
				esc_attr( $name ),
				esc_attr( $settings['default_cta_href'] ),
				esc_attr( $description )
			);
			$text = __( 'Leave empty to show the contact form below articles. Otherwise, articles that set nothing show a button linking here instead: a path on this site such as /contact, or an https:, http:, mailto: or tel: address.', 'therapist-attachment-article' );
	}
	printf( '<p class="description" id="%1$s">%2$s</p>', esc_attr( $description ), esc_html( $text ) );
}

/**
 * The colour schemes as they are offered: '' (no scheme of its own) first, then the
 * element's themes, with the labels of the block editor.
 *
 * @return array<string, string>
 */
function therapist_attachment_article_settings_theme_labels() {
	$labels  = therapist_attachment_article_labels()['themes'];
	$choices = array( '' => isset( $labels[''] ) ? $labels[''] : '' );
	foreach ( therapist_attachment_article_facts()['themes'] as $theme ) {
		$choices[ $theme ] = isset( $labels[ $theme ] ) ? $labels[ $theme ] : $theme;
	}
	return $choices;
}

/**
 * The option's `sanitize_callback`: checks each value; one that is not valid keeps the value
 * saved before and adds an error naming its field (shown above the screen).
 *
 * WordPress may call this twice on the first save (update_option(), then add_option()); the
 * second time it is given the first call's result, which is valid and passes unchanged.
 *
 * @param mixed $input What the screen (or code) submitted.
 * @return array{recipient: string, allowed_endpoints: string[], keep_days: int, default_theme: string, default_cta_href: string}
 */
function therapist_attachment_article_sanitize_settings( $input ) {
	$previous = therapist_attachment_article_settings();
	if ( ! is_array( $input ) ) {
		return $previous;
	}
	$clean  = $previous;
	$labels = therapist_attachment_article_settings_fields();
	if ( array_key_exists( 'recipient', $input ) && function_exists( 'therapist_attachment_article_store' ) && did_action( 'admin_init' ) ) {
		// The owner saw and saved where messages go: the activation notice has done its job.
		therapist_attachment_article_store()->delete( THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW );
	}

	foreach ( array_keys( $previous ) as $key ) {
		if ( ! array_key_exists( $key, $input ) ) {
			continue; // Not submitted: unchanged.
		}
		$checked = call_user_func( 'therapist_attachment_article_sanitize_setting_' . $key, $input[ $key ] );
		if ( is_wp_error( $checked ) ) {
			if ( function_exists( 'add_settings_error' ) ) {
				add_settings_error(
					THERAPIST_ATTACHMENT_ARTICLE_SETTINGS,
					'therapist_attachment_article_' . $key,
					sprintf(
						/* translators: 1: the field's label, 2: what is wrong with it. */
						__( '%1$s: %2$s The previous value was kept.', 'therapist-attachment-article' ),
						esc_html( $labels[ $key ]['label'] ),
						esc_html( $checked->get_error_message() )
					),
					'error'
				);
			}
			continue;
		}
		$clean[ $key ] = $checked;
	}
	return $clean;
}

/**
 * The recipients: email addresses separated by commas, each valid as it is.
 *
 * @param mixed $value Submitted.
 * @return string|WP_Error `a@example.com, b@example.com`, or ''.
 */
function therapist_attachment_article_sanitize_setting_recipient( $value ) {
	if ( is_array( $value ) ) {
		$value = implode( ',', array_filter( $value, 'is_string' ) );
	}
	if ( ! is_string( $value ) ) {
		return new WP_Error( 'invalid', __( 'Enter email addresses separated by commas.', 'therapist-attachment-article' ) );
	}
	$addresses = array();
	foreach ( explode( ',', $value ) as $address ) {
		$address = trim( $address );
		if ( '' === $address ) {
			continue;
		}
		if ( ! is_email( $address ) || sanitize_email( $address ) !== $address ) {
			return new WP_Error(
				'invalid',
				sprintf(
					/* translators: %s: what was entered. */
					__( '“%s” is not an email address.', 'therapist-attachment-article' ),
					wp_check_invalid_utf8( $address, true )
				)
			);
		}
		if ( ! in_array( strtolower( $address ), array_map( 'strtolower', $addresses ), true ) ) {
			$addresses[] = $address;
		}
	}
	return implode( ', ', $addresses );
}

/**
 * The allowed endpoints: https: addresses, one per line (or a list), each as
 * therapist_attachment_article_form_url() accepts it for the form, with a path, and without
 * `.` or `..` segments.
 *
 * @param mixed $value Submitted.
 * @return string[]|WP_Error
 */
function therapist_attachment_article_sanitize_setting_allowed_endpoints( $value ) {
	if ( is_string( $value ) ) {
		$value = preg_split( '/\r\n|\r|\n/', $value );
	}
	if ( ! is_array( $value ) ) {
		return new WP_Error( 'invalid', __( 'Enter one address per line.', 'therapist-attachment-article' ) );
	}
	$endpoints = array();
	foreach ( $value as $endpoint ) {
		if ( ! is_string( $endpoint ) ) {
			return new WP_Error( 'invalid', __( 'Enter one address per line.', 'therapist-attachment-article' ) );
		}
		$endpoint = trim( $endpoint );
		if ( '' === $endpoint ) {
			continue;
		}
		$url  = therapist_attachment_article_form_url( $endpoint );
		$path = null === $url ? '' : (string) wp_parse_url( $url, PHP_URL_PATH );
		if ( null === $url || 0 !== stripos( $url, 'https://' ) || '' === trim( $path, '/' ) || '' === therapist_attachment_article_endpoint_normal( $url ) ) {
			return new WP_Error(
				'invalid',
				sprintf(
					/* translators: %s: what was entered. */
					__( '“%s” is not the full https: address of a form. Enter addresses such as https://formspree.io/f/abc123, with the path of your own form, not only a server’s name.', 'therapist-attachment-article' ),
					wp_check_invalid_utf8( $endpoint, true )
				)
			);
		}
		if ( ! in_array( $url, $endpoints, true ) ) {
			$endpoints[] = $url;
		}
	}
	return $endpoints;
}

/**
 * How many days messages that could not be emailed are kept: 1 to 365.
 *
 * @param mixed $value Submitted.
 * @return int|WP_Error
 */
function therapist_attachment_article_sanitize_setting_keep_days( $value ) {
	if ( is_string( $value ) && preg_match( '/^\s*[0-9]{1,3}\s*$/', $value ) ) {
		$value = (int) $value;
	}
	if ( ! is_int( $value ) || $value < 1 || $value > 365 ) {
		return new WP_Error( 'invalid', __( 'Enter a number of days from 1 to 365.', 'therapist-attachment-article' ) );
	}
	return $value;
}

/**
 * The default colour scheme: '' or one of the element's themes.
 *
 * @param mixed $value Submitted.
 * @return string|WP_Error
 */
function therapist_attachment_article_sanitize_setting_default_theme( $value ) {
	if ( '' === $value || in_array( $value, therapist_attachment_article_facts()['themes'], true ) ) {
		return $value;
	}
	return new WP_Error( 'invalid', __( 'Choose one of the colour schemes offered.', 'therapist-attachment-article' ) );
}

/**
 * The default link: '' (the contact form), or a URL the plugin allows for the button.
 *
 * @param mixed $value Submitted.
 * @return string|WP_Error
 */
function therapist_attachment_article_sanitize_setting_default_cta_href( $value ) {
	if ( ! is_string( $value ) ) {
		return new WP_Error( 'invalid', __( 'Enter a link, or leave the field empty.', 'therapist-attachment-article' ) );
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	$url = therapist_attachment_article_esc_url( $value, 'db' );
	if ( '' === $url ) {
		return new WP_Error(
			'invalid',
			sprintf(
				/* translators: %s: what was entered. */
				__( '“%s” is not a link the article can use. Enter a path on this site such as /contact, or an https:, http:, mailto: or tel: address.', 'therapist-attachment-article' ),
				wp_check_invalid_utf8( $value, true )
			)
		);
	}
	return $url;
}

/**
 * Adds the screen under Settings. Runs on `admin_menu`.
 *
 * @return string|false The screen's hook name.
 */
function therapist_attachment_article_settings_menu() {
	return add_options_page(
		__( 'Therapist Attachment Article', 'therapist-attachment-article' ),
		__( 'Therapist Attachment Article', 'therapist-attachment-article' ),
		'manage_options',
		THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE,
		'therapist_attachment_article_settings_page'
	);
}

/**
 * Prints the screen. WordPress shows the saved notice and the settings errors above it (as on
 * every screen under Settings).
 */
function therapist_attachment_article_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Therapist Attachment Article', 'therapist-attachment-article' ) . '</h1>';
	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE );
	do_settings_sections( THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE );
	submit_button();
	echo '</form>';
	therapist_attachment_article_test_message_form();
	echo '</div>';
}

/**
 * Adds "Settings" to the plugin's row on the Plugins screen. Filters
 * `plugin_action_links_{plugin file}`.
 *
 * @param string[] $links The row's links.
 * @return string[]
 */
function therapist_attachment_article_settings_link( $links ) {
	$link = sprintf(
		'<a href="%1$s">%2$s</a>',
		esc_url( admin_url( 'options-general.php?page=' . THERAPIST_ATTACHMENT_ARTICLE_SETTINGS_PAGE ) ),
		esc_html__( 'Settings', 'therapist-attachment-article' )
	);
	return array_merge( array( 'settings' => $link ), (array) $links );
}
