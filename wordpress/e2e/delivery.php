<?php
/**
 * The end-to-end delivery tests' helper (delivery.test.mjs): sets content up as the users
 * would, through WordPress's own functions and REST API, and reads what WordPress holds.
 * Prints JSON.
 *
 * Usage: php delivery.php WORDPRESS_DIR STEP [ARG]
 *
 * @package TherapistAttachmentArticle
 */

list( , $wp_dir, $step ) = $argv;
$arg = isset( $argv[3] ) ? $argv[3] : '';
require $wp_dir . '/wp-load.php';

const TAA_E2E_EVIL = 'https://collector.evil.example/pattern';

/** Saves through the REST API as the current user; returns the post. */
function taa_e2e_save( $type, $fields ) {
	$request = new WP_REST_Request( 'POST', '/wp/v2/' . $type );
	$request->set_body_params( $fields + array( 'status' => 'publish' ) );
	$data = rest_do_request( $request )->get_data();
	if ( ! isset( $data['id'] ) ) {
		fwrite( STDERR, wp_json_encode( $data ) );
		exit( 1 );
	}
	return get_post( $data['id'] );
}

function taa_e2e_as( $login ) {
	wp_set_current_user( get_user_by( 'login', $login )->ID );
}

function taa_e2e_block( $attributes ) {
	return '<!-- wp:therapist-attachment-article/article ' . wp_json_encode( $attributes, JSON_UNESCAPED_SLASHES ) . ' /-->';
}

$out = array();
switch ( $step ) {
	case 'pattern':
		// An Author's synced pattern with their own endpoint, inserted in a page by the Administrator.
		taa_e2e_as( 'author' );
		$pattern = taa_e2e_save(
			'blocks',
			array(
				'title'   => 'Author pattern',
				'content' => taa_e2e_block( array( 'formAction' => TAA_E2E_EVIL ) ),
			)
		);
		taa_e2e_as( 'admin' );
		$page              = taa_e2e_save(
			'pages',
			array(
				'title'   => 'Page with the Author pattern',
				'content' => '<!-- wp:block {"ref":' . $pattern->ID . '} /-->',
			)
		);
		$out['stored']     = $pattern->post_content;
		$out['link']       = get_permalink( $page );
		// Content saved before the rule (or written some other way): the pattern holds the
		// endpoint in the database. Render time still judges it by its own author.
		global $wpdb;
		$wpdb->update( $wpdb->posts, array( 'post_content' => taa_e2e_block( array( 'formAction' => TAA_E2E_EVIL ) ) ), array( 'ID' => $pattern->ID ) );
		clean_post_cache( $pattern->ID );
		$out['rawLink'] = $out['link'];
		break;

	case 'comment':
		// A site that runs shortcodes in comments (the test's mu-plugin), an Administrator's
		// post, and a visitor's comment with the shortcode and an endpoint.
		taa_e2e_as( 'admin' );
		$post = taa_e2e_save(
			'posts',
			array(
				'title'   => 'Post with comments',
				'content' => '<!-- wp:paragraph --><p>Comments below.</p><!-- /wp:paragraph -->',
			)
		);
		wp_set_current_user( 0 );
		// A visitor's comment as WordPress takes it in; WordPress's flood check (one comment per
		// 15 seconds from an address) is not what this test is about.
		add_filter( 'wp_is_comment_flood', '__return_false', PHP_INT_MAX );
		$id             = wp_new_comment(
			wp_slash(
				array(
					'comment_post_ID'      => $post->ID,
					'comment_author'       => 'Commenter',
					'comment_author_email' => 'commenter@example.org',
					'comment_content'      => 'Write to me! [therapist_attachment_article form_action="https://commenter.evil.example/in"]',
					'comment_author_IP'    => '192.0.2.' . wp_rand( 1, 254 ),
				)
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() );
			exit( 1 );
		}
		wp_set_comment_status( $id, 'approve' );
		$out['stored']  = get_comment( $id )->comment_content;
		// And one that reached the database without the save filter.
		$raw            = wp_insert_comment(
			array(
				'comment_post_ID'  => $post->ID,
				'comment_author'   => 'Raw',
				'comment_content'  => '[therapist_attachment_article form_action="https://raw.evil.example/in"]',
				'comment_approved' => 1,
			)
		);
		$out['rawStored'] = get_comment( $raw )->comment_content;
		$out['link']      = get_permalink( $post );
		break;

	case 'reassign':
		// An Author's post with an endpoint, whose authorship an Administrator takes over.
		taa_e2e_as( 'author' );
		$post = taa_e2e_save(
			'posts',
			array(
				'title'   => 'Author post taken over',
				'content' => taa_e2e_block( array( 'formAction' => 'https://author.evil.example/in' ) ),
			)
		);
		taa_e2e_as( 'admin' );
		wp_update_post(
			array(
				'ID'          => $post->ID,
				'post_author' => get_current_user_id(),
			)
		);
		$post          = get_post( $post->ID );
		$out['stored'] = $post->post_content;
		$out['author'] = get_the_author_meta( 'user_login', $post->post_author );
		$out['link']   = get_permalink( $post );
		break;

	case 'allow':
		taa_e2e_as( 'admin' );
		$settings                      = therapist_attachment_article_settings();
		$settings['allowed_endpoints'] = array( 'https://formspree.io/f/abc123' );
		update_option( THERAPIST_ATTACHMENT_ARTICLE_SETTINGS, $settings );
		taa_e2e_as( 'author' );
		foreach ( array(
			'allowed' => 'https://formspree.io/f/abc123',
			'sibling' => 'https://formspree.io/f/evil999',
		) as $key => $endpoint ) {
			$post          = taa_e2e_save(
				'posts',
				array(
					'title'   => 'Author endpoint ' . $key,
					'content' => taa_e2e_block( array( 'formAction' => $endpoint ) ),
				)
			);
			$out[ $key ] = array(
				'link'   => get_permalink( $post ),
				'stored' => $post->post_content,
			);
		}
		break;

	case 'mail':
		// `break` or `fix`: the test mu-plugin's switch.
		update_option( 'taa_e2e_break_mail', 'break' === $arg ? 1 : 0 );
		break;

	case 'admin-screen':
		taa_e2e_as( 'admin' );
		require_once ABSPATH . 'wp-admin/includes/template.php';
		ob_start();
		therapist_attachment_article_kept_notice();
		therapist_attachment_article_kept_page();
		$out['html']      = ob_get_clean();
		$out['scheduled'] = wp_next_scheduled( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
		break;

	case 'retry':
		// As WP-Cron, once the next try is due.
		$store = therapist_attachment_article_store();
		foreach ( $store->with_prefix( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX ) as $name => $value ) {
			$record         = json_decode( $value, true );
			$record['next'] = time() - 1;
			$store->set( $name, wp_json_encode( $record ) );
		}
		do_action( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
		$out['kept'] = therapist_attachment_article_kept_count();
		break;

	case 'health':
		taa_e2e_as( 'admin' );
		$tests  = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$test   = $tests['direct']['therapist_attachment_article_mail'];
		$result = call_user_func( $test['test'] );
		$out    = array(
			'status' => $result['status'],
			'label'  => $result['label'],
			'text'   => wp_strip_all_tags( $result['description'] ),
		);
		break;

	case 'rows':
		// Every row the plugin keeps in the options table.
		global $wpdb;
		$out['rows'] = $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE 'taa\\_%'", ARRAY_A );
		break;
}
echo wp_json_encode( $out );
