<?php
/**
 * Registration of the script, the shortcode and the block.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * Runs on `init`.
 */
function therapist_attachment_article_register() {
	therapist_attachment_article_register_script();

	add_shortcode( THERAPIST_ATTACHMENT_ARTICLE_SHORTCODE, 'therapist_attachment_article_shortcode' );

	// block.json names the editor script (block/index.js, no build step) and the attributes;
	// the page's markup comes from the same render function as the shortcode's.
	register_block_type(
		THERAPIST_ATTACHMENT_ARTICLE_DIR . '/block',
		array(
			'render_callback' => 'therapist_attachment_article_render_block',
		)
	);
}

/**
 * Runs on `enqueue_block_editor_assets`: what the block's editor script needs to know, from
 * the generated facts and the site's settings, so that it types none of it.
 */
function therapist_attachment_article_editor_data() {
	$settings = therapist_attachment_article_settings();
	$data     = array(
		'facts'             => therapist_attachment_article_facts(),
		'labels'            => therapist_attachment_article_labels(),
		// The block's settings, each with its type, words and conditions: its controls loop over them.
		'attributes'        => therapist_attachment_article_attribute_specs(),
		'contactUrl'        => therapist_attachment_article_contact_url(),
		// The rule of therapist_attachment_article_form_action_trusted(), for the one editing.
		'canChooseEndpoint' => current_user_can( 'unfiltered_html' ),
		'allowedEndpoints'  => array_values( $settings['allowed_endpoints'] ),
		'defaultTheme'      => $settings['default_theme'],
		'defaultCtaHref'    => $settings['default_cta_href'],
	);
	$handle   = generate_block_asset_handle( 'therapist-attachment-article/article', 'editorScript' );
	wp_add_inline_script( $handle, 'window.therapistAttachmentArticleEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}

/**
 * Runs on `enqueue_block_assets`: in the editor (inside its canvas iframe from WordPress 6.3 on,
 * in the editor's page before), the element's script, so that the block shows the real article.
 */
function therapist_attachment_article_editor_canvas() {
	if ( is_admin() ) {
		wp_enqueue_script( THERAPIST_ATTACHMENT_ARTICLE_SCRIPT );
	}
}
