<?php
/**
 * Step 2 of the end-to-end tests (support/site.mjs runs it): publishes the test pages through
 * the REST API, the route the block editor saves by, as the Administrator and as the Author.
 * The Author lacks `unfiltered_html`, so WordPress filters what the Author saves (KSES): the
 * report shows what the database holds afterwards. Prints a JSON report.
 *
 * Usage: php content.php WORDPRESS_DIR
 *
 * @package TherapistAttachmentArticle
 */

list( , $wp_dir ) = $argv;
require $wp_dir . '/wp-load.php';

/**
 * Saves a post or page through the REST API as the current user.
 *
 * @param string $type    `posts` or `pages`.
 * @param string $title   Title.
 * @param string $content Content, as the editor would send it.
 * @return array Report: HTTP status, id, link and the content as stored.
 */
function taa_e2e_publish( $type, $title, $content ) {
	$request = new WP_REST_Request( 'POST', '/wp/v2/' . $type );
	$request->set_body_params(
		array(
			'title'   => $title,
			'content' => $content,
			'status'  => 'publish',
		)
	);
	$response = rest_do_request( $request );
	$data     = $response->get_data();
	$report   = array( 'status' => $response->get_status() );
	if ( isset( $data['id'] ) ) {
		$post             = get_post( $data['id'] );
		$report['id']     = $post->ID;
		$report['link']   = get_permalink( $post );
		$report['author'] = get_the_author_meta( 'user_login', $post->post_author );
		$report['stored'] = $post->post_content;
	} else {
		$report['error'] = isset( $data['code'] ) ? $data['code'] : 'unknown';
	}
	return $report;
}

/** A saved block, exactly as the block editor serialises it. */
function taa_e2e_block( $attributes ) {
	return serialize_block(
		array(
			'blockName'    => 'therapist-attachment-article/article',
			'attrs'        => $attributes,
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		)
	);
}

function taa_e2e_paragraph( $text ) {
	return "<!-- wp:paragraph -->\n<p>" . $text . "</p>\n<!-- /wp:paragraph -->";
}

// With the contact form turned off, so that the button and its settings show.
$shortcode = '[therapist_attachment_article cta_href="/contact" theme="dark" heading_level="3" cta_label="Book a consult" form="off"]';
// What a user without `unfiltered_html` might paste: all of it must be gone once saved.
$pasted = "<!-- wp:html -->\n<script>window.taaPastedScriptRan = true;</script>\n"
	. '<therapist-attachment-article theme="dark" cta-href="https://example.com/pasted"></therapist-attachment-article>'
	. "\n<!-- /wp:html -->";

$report = array();

// --- As the Administrator (who has unfiltered_html on a single site).
$admin = get_user_by( 'login', 'admin' );
wp_set_current_user( $admin->ID );
$report['admin_unfiltered_html'] = current_user_can( 'unfiltered_html' );

$report['pages']['shortcode'] = taa_e2e_publish( 'pages', 'Shortcode', taa_e2e_paragraph( 'Before the article.' ) . "\n\n" . $shortcode );

$report['pages']['repeated'] = taa_e2e_publish(
	'pages',
	'Shortcode three times and a block',
	"$shortcode\n\n$shortcode\n\n$shortcode\n\n" . taa_e2e_block( array( 'theme' => 'light' ) )
);

$report['pages']['admin_block'] = taa_e2e_publish(
	'pages',
	'Block saved by the Administrator',
	taa_e2e_paragraph( 'Before the article.' ) . "\n\n" . taa_e2e_block(
		array(
			'headingLevel' => 4,
			'ctaHref'      => 'https://example.com/book?x=1&y=2',
			'ctaLabel'     => 'Schedule a session',
			'ctaTarget'    => '_blank',
			'theme'        => 'light',
			'align'        => 'wide',
			'showForm'     => false,
		)
	)
);

$report['pages']['hostile'] = taa_e2e_publish(
	'pages',
	'Hostile shortcode',
	'[therapist_attachment_article cta_href="javascript:alert(1)" theme="neon" heading_level="9" cta_label="<img src=x onerror=alert(1)>" cta_target="_parent" onclick="alert(1)" form="maybe" form_action="http://evil.example/collect" form_encoding="xml"]'
);

// The contact form with no set-up at all: it sends to the site's admin.
$report['pages']['contact'] = taa_e2e_publish( 'pages', 'Contact form', taa_e2e_paragraph( 'Write to us below.' ) . "\n\n[therapist_attachment_article]" );

// The contact form sending to a form service instead.
$report['pages']['custom_action'] = taa_e2e_publish( 'pages', 'Contact form to a form service', '[therapist_attachment_article form_action="https://forms.example.com/f/abc123" form_encoding="urlencoded"]' );

// Blending in (blend.test.mjs): the theme's own heading, paragraph and button, then the
// article with nothing set, as a block.
$report['pages']['blend'] = taa_e2e_publish(
	'pages',
	'The theme beside the article',
	"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\" id=\"native-title\">A heading of the theme</h2>\n<!-- /wp:heading -->\n\n"
		. "<!-- wp:paragraph -->\n<p id=\"native-text\">A paragraph of the theme, with <a href=\"#x\">a link</a>.</p>\n<!-- /wp:paragraph -->\n\n"
		. "<!-- wp:buttons -->\n<div class=\"wp-block-buttons\"><!-- wp:button -->\n<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" id=\"native-button\" href=\"#x\">A button of the theme</a></div>\n<!-- /wp:button --></div>\n<!-- /wp:buttons -->\n\n"
		. taa_e2e_block( array( 'showForm' => false ) )
);
// The same as a one-paragraph teaser, for the picture in docs/blend-grid.png (scripts/blend-grid.mjs).
$report['pages']['blend_teaser'] = taa_e2e_publish(
	'pages',
	'The theme beside a teaser',
	str_replace( taa_e2e_block( array( 'showForm' => false ) ), '', $report['pages']['blend']['stored'] )
		. taa_e2e_block(
			array(
				'showForm'         => false,
				'layout'           => 'teaser',
				'teaserParagraphs' => 1,
				'readMoreHref'     => '#more',
			)
		)
);

$report['pages']['plain'] = taa_e2e_publish( 'pages', 'Without the article', taa_e2e_paragraph( 'Nothing to see here.' ) );

// --- As the Author: WordPress turns KSES on for users without unfiltered_html when the current
// user is set (kses_init on `set_current_user`).
$author = get_user_by( 'login', 'author' );
wp_set_current_user( $author->ID );
$report['author_unfiltered_html'] = current_user_can( 'unfiltered_html' );
$report['author_kses_active']     = false !== has_filter( 'content_save_pre', 'wp_filter_post_kses' );

// Authors may publish posts, not pages.
$report['author_page_attempt'] = taa_e2e_publish( 'pages', 'Author page', $shortcode )['status'];

$report['pages']['author_block'] = taa_e2e_publish(
	'posts',
	'Block saved by the Author',
	taa_e2e_paragraph( 'Before the article.' ) . "\n\n" . taa_e2e_block(
		array(
			'headingLevel' => 3,
			'ctaHref'      => 'mailto:hello@example.com?subject=Consultation',
			'ctaLabel'     => 'Email Emily',
			'ctaTarget'    => '_top',
			'theme'        => 'auto',
			'showForm'     => false,
		)
	) . "\n\n" . $pasted
);

$report['pages']['author_shortcode'] = taa_e2e_publish(
	'posts',
	'Shortcode saved by the Author',
	'[therapist_attachment_article cta_href="tel:+15551234567" cta_label="Call us" heading_level="2" form="off"]' . "\n\n" . $pasted
);

// Where the contact form's mail should go, and the subject's site name.
$report['admin_email'] = get_option( 'admin_email' );
$report['site_title']  = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );

echo wp_json_encode( $report );
