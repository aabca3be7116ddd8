<?php
/**
 * Publishes, as the Administrator, one page per combination of the block's settings in
 * dist/prerender-cases.json (heading level × look × call-to-action, written by
 * scripts/generate-wordpress.mjs with the renderer's markup for each; or the teasers of
 * dist/prerender-teaser-cases.json, or any list of such cases), and one page that shows
 * the article five times (three blocks, two shortcodes). Prints a JSON report:
 * {links: [one per case, in order], repeated: link}.
 *
 * Usage: php matrix.php WORDPRESS_DIR CASES_JSON
 *
 * @package TherapistAttachmentArticle
 */

list( , $wp_dir, $cases_file ) = $argv;
require $wp_dir . '/wp-load.php';

wp_set_current_user( get_user_by( 'login', 'admin' )->ID );

/**
 * The block's attributes for the element attributes of one case, by the plugin's own specs
 * (generated from src/attributes.ts): each element attribute's block name, integers as
 * integers. Where messages go is the plugin's own route here: the form is switched on instead.
 */
function taa_e2e_block_attributes( $attributes ) {
	$block = array( 'showForm' => false );
	foreach ( therapist_attachment_article_attribute_specs() as $spec ) {
		if ( null === $spec['attribute'] || ! isset( $attributes[ $spec['attribute'] ] ) ) {
			continue;
		}
		$value = $attributes[ $spec['attribute'] ];
		if ( ! empty( $spec['routes_messages'] ) ) {
			$block['showForm'] = true;
		} else {
			$block[ $spec['block'] ] = 'integer' === $spec['type'] ? (int) $value : $value;
		}
	}
	return $block;
}

function taa_e2e_publish_page( $title, $content ) {
	$id = wp_insert_post(
		array(
			'post_type'     => 'page',
			'post_status'   => 'publish',
			'post_title'    => $title,
			'post_content'  => wp_slash( $content ), // wp_insert_post() unslashes, as for a form's data.
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
	return get_permalink( $id );
}

$report = array( 'links' => array() );
foreach ( json_decode( file_get_contents( $cases_file ), true ) as $i => $case ) {
	$block              = serialize_block(
		array(
			'blockName'    => 'therapist-attachment-article/article',
			'attrs'        => taa_e2e_block_attributes( $case['attributes'] ),
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		)
	);
	$report['links'][] = taa_e2e_publish_page( 'Combination ' . $i, $block );
}

$block              = '<!-- wp:therapist-attachment-article/article {"theme":"dark"} /-->';
$shortcode          = '[therapist_attachment_article cta_href="/contact"]';
$report['repeated'] = taa_e2e_publish_page( 'Five times', "$block\n\n$shortcode\n\n$block\n\n$shortcode\n\n$block" );

echo wp_json_encode( $report );
