<?php
/**
 * Dependencies of block/index.js, which uses WordPress's globals and has no build step.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

return array(
	'dependencies' => array( 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => THERAPIST_ATTACHMENT_ARTICLE_VERSION,
);
