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
