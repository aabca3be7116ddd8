<?php
/**
 * The contact form's REST route, called through WordPress's own REST server (rest_do_request)
 * and wp_mail(), whose messages a stand-in PHPMailer keeps instead of sending
 * (class-test-mailer.php). The tests run as on a site with a persistent object cache (counters
 * and submission ids in the plugin's cache group, WordPress's in-memory cache standing in): the
 * tests have no database, so any write to one would fail the test.
 *
 * @package TherapistAttachmentArticle
 */

final class ContactRouteTest extends Therapist_Attachment_Article_Test_Case {

	const ROUTE = '/therapist-attachment-article/v1/contact';

	const ADMIN = 'admin@example.test';

	const ID = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

	/** @var array[] The arguments of each wp_mail() call, as the pre_wp_mail filter saw them. */
	private $calls = array();

	/** @var Therapist_Attachment_Article_Test_Mailer */
	private $mailer;

	/** @var bool */
	private $using_cache;

	/** @var string */
	private $remote_addr;

	/** @var array The server variables and query string as they were, restored after each test. */
	private $server;

	/** @var array */
	private $get;

	/** @var array<string, array{0: string, 1: callable, 2: int}> Filters added by a test. */
	private $added = array();

	protected function setUp(): void {
		parent::setUp();
		$this->using_cache = wp_using_ext_object_cache( true );
		wp_cache_flush_group( 'transient' );
		therapist_attachment_article_store()->rows = array();
		$this->server           = $_SERVER;
		$this->get              = $_GET;
		$this->remote_addr      = $_SERVER['REMOTE_ADDR'];
		$this->mailer           = new Therapist_Attachment_Article_Test_Mailer();
		$GLOBALS['phpmailer']   = $this->mailer;
		$this->calls            = array();
		$this->add( 'pre_wp_mail', array( $this, 'record_call' ), 10, 2 );
	}

	protected function tearDown(): void {
		foreach ( $this->added as $filter ) {
			remove_filter( $filter[0], $filter[1], $filter[2] );
		}
		$this->added = array();
		wp_cache_flush_group( 'transient' );
		therapist_attachment_article_store()->rows = array();
		wp_using_ext_object_cache( $this->using_cache );
		$_SERVER                = $this->server;
		$_GET                   = $this->get;
		$_SERVER['REMOTE_ADDR'] = $this->remote_addr;
		unset( $GLOBALS['phpmailer'] );
		parent::tearDown();
	}

	/** Adds a filter for this test only. */
	private function add( $hook, $callback, $priority = 10, $args = 1 ) {
		add_filter( $hook, $callback, $priority, $args );
		$this->added[] = array( $hook, $callback, $priority );
	}

	/**
	 * Observes each wp_mail() call and lets it go on.
	 *
	 * @param null|bool $short_circuit Null.
	 * @param array     $atts          wp_mail()'s arguments.
	 * @return null
	 */
	public function record_call( $short_circuit, $atts ) {
		$this->calls[] = $atts;
		return $short_circuit;
	}

	/** A valid message. */
	private function fields( $overrides = array() ) {
		return array_merge(
			array(
				'name'         => 'Jo Visitor',
				'email'        => 'jo@example.org',
				'phone'        => '+1 (555) 123-4567',
				'message'      => "Hello Emily,\n\nI would like to book a first session.",
				'submissionId' => self::ID,
				'_gotcha'      => '',
			),
			$overrides
		);
	}

	/**
	 * POSTs to the route as the element does.
	 *
	 * @param array|string $fields   Fields, or a raw body.
	 * @param string       $encoding `json` or `urlencoded`.
	 * @param array        $headers  More request headers.
	 * @return WP_REST_Response
	 */
	private function post( $fields, $encoding = 'json', $headers = array() ) {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Accept', 'application/json' );
		if ( 'json' === $encoding ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $fields ) ? $fields : wp_json_encode( $fields ) );
		} else {
			// As WordPress serves a real request: PHP parses the body into $_POST, which becomes
			// the body parameters (WP_REST_Server::serve_request()).
			$body = is_string( $fields ) ? $fields : http_build_query( $fields );
			parse_str( $body, $post );
			$request->set_header( 'Content-Type', 'application/x-www-form-urlencoded' );
			$request->set_body( $body );
			$request->set_body_params( $post );
		}
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		return rest_do_request( $request );
	}

	/** The response body as the browser receives it (JSON, decoded). */
	private function body( WP_REST_Response $response ) {
		return json_decode( wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );
	}

	private function assertSent( WP_REST_Response $response ) {
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'sent' => true ), $this->body( $response ) );
	}

	/** Values of one header of a sent message. */
	private function header_values( $mail, $name ) {
		$values = array();
		foreach ( $mail['headers'] as $header ) {
			if ( $header[0] === $name ) {
				$values[] = $header[1];
			}
		}
		return $values;
	}

	// ----------------------------------------------------------------------------------------
	// The route

	public function test_the_route_takes_posts_only() {
		$routes = rest_get_server()->get_routes( 'therapist-attachment-article/v1' );
		$this->assertArrayHasKey( self::ROUTE, $routes );
		$this->assertCount( 1, $routes[ self::ROUTE ] );
		$this->assertSame( array( 'POST' => true ), $routes[ self::ROUTE ][0]['methods'] );
		$this->assertSame( '__return_true', $routes[ self::ROUTE ][0]['permission_callback'] );

		$this->assertSame( 404, rest_do_request( new WP_REST_Request( 'GET', self::ROUTE ) )->get_status() );
		$this->assertSame( array(), $this->calls );
	}

	public function test_a_valid_json_message_is_mailed_once_to_the_admin() {
		$this->assertSent( $this->post( $this->fields() ) );

		$this->assertCount( 1, $this->calls, 'One wp_mail() call' );
		$this->assertCount( 1, $this->mailer->sent );
		$mail = $this->mailer->sent[0];
		$this->assertSame( array( self::ADMIN ), $mail['to'] );
		$this->assertSame( array(), $mail['cc'] );
		$this->assertSame( array(), $mail['bcc'] );
		$this->assertSame( array( 'jo@example.org' ), $mail['reply_to'] );
		$this->assertSame( array( 'jo@example.org' ), $this->header_values( $mail, 'reply-to' ) );
		$this->assertSame( 'wordpress@example.test', $mail['from'], "WordPress's own sender, not the visitor" );
		$this->assertSame( '[Harbor & Light Counseling] Message from Jo Visitor', $mail['subject'] );
		$this->assertSame( 'text/plain', $mail['type'] );
		$this->assertSame( 'UTF-8', $mail['charset'] );
		$this->assertSame(
			"Name: Jo Visitor\nEmail: jo@example.org\nPhone: +1 (555) 123-4567\n\nMessage:\nHello Emily,\n\nI would like to book a first session.\n\n-- \n"
			. "Sent with the contact form of Emily Powell’s article on https://example.test/\n"
			. 'Reply to this email to answer the visitor. Once this email is sent, the plugin keeps no copy of the message (your mail server, or a mail-logging plugin, may).',
			$mail['body']
		);
	}

	public function test_a_urlencoded_message_is_mailed_the_same_way() {
		$this->assertSent( $this->post( $this->fields( array( 'message' => "Line one\r\nLine two & <3" ) ), 'urlencoded' ) );
		$this->assertCount( 1, $this->mailer->sent );
		$mail = $this->mailer->sent[0];
		$this->assertSame( array( self::ADMIN ), $mail['to'] );
		$this->assertSame( array( 'jo@example.org' ), $mail['reply_to'] );
		$this->assertStringContainsString( "Message:\nLine one\nLine two & <3\n", $mail['body'], 'CRLF arrives as LF' );
	}

	public function test_the_phone_is_optional() {
		$this->assertSent( $this->post( $this->fields( array( 'phone' => '' ) ) ) );
		$fields = $this->fields();
		unset( $fields['phone'], $fields['_gotcha'] );
		$fields['submissionId'] = 'another-id-1234';
		$this->assertSent( $this->post( $fields ) );
		$this->assertCount( 2, $this->mailer->sent );
		foreach ( $this->mailer->sent as $mail ) {
			$this->assertStringNotContainsString( 'Phone:', $mail['body'] );
		}
	}

	public function test_numbers_sent_as_json_numbers_are_text() {
		$this->assertSent( $this->post( $this->fields( array( 'phone' => 5551234567 ) ) ) );
		$this->assertStringContainsString( "Phone: 5551234567\n", $this->mailer->sent[0]['body'] );
	}

	public function test_other_fields_are_ignored() {
		$this->assertSent( $this->post( $this->fields( array( 'form-name' => 'contact', 'subject' => "x\r\nBcc: eve@example.net" ) ) ) );
		$this->assertCount( 1, $this->mailer->sent );
		$this->assertStringNotContainsString( 'eve@', $this->mailer->sent[0]['raw_head'] . $this->mailer->sent[0]['body'] );
	}

	public function test_the_recipient_can_be_changed_with_a_filter() {
		$seen = null;
		$this->add(
			'therapist_attachment_article_contact_recipient',
			function ( $recipient, $fields ) use ( &$seen ) {
				$seen = array( $recipient, $fields['email'] );
				return array( 'emily@example.test', 'office@example.test' );
			},
			10,
			2
		);
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSame( array( self::ADMIN, 'jo@example.org' ), $seen );
		$this->assertSame( array( 'emily@example.test', 'office@example.test' ), $this->mailer->sent[0]['to'] );
	}

	public function test_the_page_it_came_from_is_named_when_it_is_on_this_site() {
		$this->post( $this->fields(), 'json', array( 'Referer' => 'https://example.test/about-therapy/?x=1' ) );
		$this->post( $this->fields( array( 'submissionId' => 'from-elsewhere-1' ) ), 'json', array( 'Referer' => 'https://elsewhere.example/spam' ) );
		$this->assertStringContainsString( "article on https://example.test/about-therapy/?x=1\n", $this->mailer->sent[0]['body'] );
		$this->assertStringContainsString( "article on https://example.test/\n", $this->mailer->sent[1]['body'] );
		$this->assertStringNotContainsString( 'elsewhere', $this->mailer->sent[1]['body'] );
	}

	public function test_the_mail_stays_plain_text_when_another_plugin_makes_all_mail_html() {
		$this->add(
			'wp_mail_content_type',
			static function () {
				return 'text/html';
			}
		);
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSame( 'text/plain', $this->mailer->sent[0]['type'] );
		$this->assertSame( 'text/html', apply_filters( 'wp_mail_content_type', 'text/plain' ), 'The switch is undone after sending' );
	}

	public function test_without_a_site_title_the_subject_names_the_host() {
		$saved = wp_cache_get( 'alloptions', 'options' );
		wp_cache_set( 'alloptions', array_merge( $saved, array( 'blogname' => '' ) ), 'options' );
		try {
			$this->assertSent( $this->post( $this->fields() ) );
		} finally {
			wp_cache_set( 'alloptions', $saved, 'options' );
		}
		$this->assertSame( '[example.test] Message from Jo Visitor', $this->mailer->sent[0]['subject'] );
	}

	public function test_markup_is_text_kept_as_typed_in_the_plain_text_mail() {
		$this->assertSent(
			$this->post(
				$this->fields(
					array(
						'name'    => '<b>Jo</b> "JJ" O\'Neil & co',
						'message' => "I <3 this. a < b > c & \"quoted\" 'single'\n<script>alert(1)</script>Bye <img src=x onerror=alert(1)> &lt;",
					)
				)
			)
		);
		$mail = $this->mailer->sent[0];
		$this->assertSame( 'text/plain', $mail['type'] );
		$this->assertStringContainsString( "Name: <b>Jo</b> \"JJ\" O'Neil & co\n", $mail['body'] );
		$this->assertSame( '[Harbor & Light Counseling] Message from <b>Jo</b> "JJ" O\'Neil & co', $mail['subject'] );
		$this->assertStringContainsString( "\nI <3 this. a < b > c & \"quoted\" 'single'\n<script>alert(1)</script>Bye <img src=x onerror=alert(1)> &lt;\n", $mail['body'] );
	}

	// ----------------------------------------------------------------------------------------
	// Validation

	/**
	 * @dataProvider invalid_fields
	 */
	public function test_an_invalid_field_is_a_422_with_that_fields_error( $overrides, $field, $encoding = 'json' ) {
		$fields = $this->fields();
		foreach ( $overrides as $name => $value ) {
			if ( null === $value ) {
				unset( $fields[ $name ] );
			} else {
				$fields[ $name ] = $value;
			}
		}
		$response = $this->post( $fields, $encoding );
		$this->assertSame( 422, $response->get_status() );
		$body = $this->body( $response );
		$this->assertSame( array( $field ), array_keys( $body['errors'] ), wp_json_encode( $body ) );
		$this->assertIsString( $body['errors'][ $field ] );
		$this->assertNotSame( '', $body['errors'][ $field ] );
		$this->assertSame( 'therapist_attachment_article_invalid', $body['code'] );
		$this->assertSame( array(), $this->calls, 'Nothing is mailed' );
	}

	public function invalid_fields() {
		$too_long = static function ( $n, $char = 'a' ) {
			return str_repeat( $char, $n );
		};
		return array(
			'name missing'                 => array( array( 'name' => null ), 'name' ),
			'name empty'                   => array( array( 'name' => '' ), 'name' ),
			'name only spaces'             => array( array( 'name' => " \t\n " ), 'name' ),
			'name only control characters' => array( array( 'name' => "\x00\x07\r\n\x1B" ), 'name' ),
			'name a list'                  => array( array( 'name' => array( 'Jo' ) ), 'name' ),
			'name an object'               => array( array( 'name' => array( 'first' => 'Jo' ) ), 'name' ),
			'name a boolean'               => array( array( 'name' => true ), 'name' ),
			'name 201 characters'          => array( array( 'name' => $too_long( 201, 'é' ) ), 'name' ),
			'name huge'                    => array( array( 'name' => $too_long( 100000 ) ), 'name' ),
			'name invalid UTF-8'           => array( array( 'name' => "Jo \xC3\x28" ), 'name', 'urlencoded' ),
			'email missing'                => array( array( 'email' => null ), 'email' ),
			'email empty'                  => array( array( 'email' => '' ), 'email' ),
			'email without @'              => array( array( 'email' => 'jo.example.org' ), 'email' ),
			'email without a dot'          => array( array( 'email' => 'jo@localhost' ), 'email' ),
			'email with a space'           => array( array( 'email' => 'jo smith@example.org' ), 'email' ),
			'email with a newline'         => array( array( 'email' => "jo@example.org\nBcc: eve@example.net" ), 'email' ),
			'email with CRLF, urlencoded'  => array( array( 'email' => "jo@example.org\r\nBcc: eve@example.net" ), 'email', 'urlencoded' ),
			'two emails'                   => array( array( 'email' => 'jo@example.org, eve@example.net' ), 'email' ),
			'email with a display name'    => array( array( 'email' => 'Jo <jo@example.org>' ), 'email' ),
			'email 255 characters'         => array( array( 'email' => $too_long( 64 ) . '@' . $too_long( 186 ) . '.org' ), 'email' ),
			'email a list'                 => array( array( 'email' => array( 'jo@example.org' ) ), 'email' ),
			'phone with letters'           => array( array( 'phone' => '555-CALL-NOW' ), 'phone' ),
			'phone without digits'         => array( array( 'phone' => '+()-' ), 'phone' ),
			'phone 41 characters'          => array( array( 'phone' => $too_long( 41, '5' ) ), 'phone' ),
			'phone with a newline'         => array( array( 'phone' => "555 1234\nBcc: eve@example.net" ), 'phone' ),
			'phone a list'                 => array( array( 'phone' => array( '5551234' ) ), 'phone' ),
			'message missing'              => array( array( 'message' => null ), 'message' ),
			'message empty'                => array( array( 'message' => '' ), 'message' ),
			'message only spaces'          => array( array( 'message' => "  \n\n  " ), 'message' ),
			'message only line breaks'     => array( array( 'message' => "\r\n\r\n\t" ), 'message' ),
			'message invalid UTF-8'        => array( array( 'message' => "Hi \xF0\x9F\x98" ), 'message', 'urlencoded' ),
			'phone with a trailing newline' => array( array( 'phone' => "5551234\n" ), 'phone' ),
			'message 5001 characters'      => array( array( 'message' => $too_long( 5001, '✓' ) ), 'message' ),
			'message huge'                 => array( array( 'message' => $too_long( 1000000 ) ), 'message', 'urlencoded' ),
			'message a list'               => array( array( 'message' => array( 'Hi' ) ), 'message' ),
		);
	}

	/**
	 * @dataProvider invalid_submission_ids
	 */
	public function test_a_missing_or_invalid_submission_id_is_a_400_and_nothing_is_sent( $id, $encoding = 'json' ) {
		$fields = $this->fields( array( 'submissionId' => $id ) );
		if ( null === $id ) {
			unset( $fields['submissionId'] );
		}
		$response = $this->post( $fields, $encoding );
		$this->assertSame( 400, $response->get_status() );
		$body = $this->body( $response );
		$this->assertSame( 'therapist_attachment_article_invalid_submission_id', $body['code'] );
		$this->assertSame( array( 'status' => 400 ), $body['data'] );
		$this->assertArrayNotHasKey( 'errors', $body, 'Not a field the visitor could fix' );
		$this->assertSame( array(), $this->calls );
	}

	public function invalid_submission_ids() {
		return array(
			'missing'                  => array( null ),
			'missing, urlencoded'      => array( null, 'urlencoded' ),
			'empty'                    => array( '' ),
			'with a newline'           => array( "abc12345\nx" ),
			'with a trailing newline'  => array( "abc12345\n" ),
			'with spaces around'       => array( ' abc12345 ' ),
			'too short'                => array( 'abc' ),
			'too long'                 => array( str_repeat( 'a', 101 ) ),
			'with a slash'             => array( '../../etc/passwd' ),
			'a list'                   => array( array( self::ID ) ),
			'a number'                 => array( 12345678 ),
		);
	}

	public function test_the_submission_id_is_checked_before_the_fields() {
		$response = $this->post( array( 'name' => '', 'email' => 'nope' ) );
		$this->assertSame( 400, $response->get_status() );
	}

	public function test_the_422_names_every_invalid_field_at_once_in_the_elements_format() {
		$response = $this->post(
			array(
				'name'         => '',
				'email'        => 'nope',
				'message'      => '',
				'submissionId' => self::ID,
			)
		);
		$this->assertSame( 422, $response->get_status() );
		$this->assertSame(
			array(
				'code'    => 'therapist_attachment_article_invalid',
				'message' => 'Please check the highlighted fields.',
				'errors'  => array(
					'name'    => 'Please enter your name.',
					'email'   => 'Please enter an email address, like name@example.com.',
					'message' => 'Please write a message.',
				),
				'data'    => array( 'status' => 422 ),
			),
			$this->body( $response )
		);
	}

	public function test_the_longest_allowed_values_pass() {
		$this->assertSent(
			$this->post(
				$this->fields(
					array(
						'name'    => str_repeat( 'é', 200 ),
						'email'   => str_repeat( 'a', 64 ) . '@' . str_repeat( 'b', 185 ) . '.org',
						'phone'   => str_repeat( '5', 40 ),
						'message' => str_repeat( '✓', 5000 ),
					)
				)
			)
		);
		$this->assertStringContainsString( str_repeat( '✓', 5000 ), $this->mailer->sent[0]['body'] );
	}

	public function test_a_body_that_is_not_json_is_refused_by_wordpress() {
		$response = $this->post( '{"name": "Jo",', 'json' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_json', $this->body( $response )['code'] );
		$this->assertSame( 400, $this->post( '[1, 2, 3]', 'json' )->get_status(), 'No submission id in it' );
		$this->assertSame( array(), $this->calls );
	}

	// ----------------------------------------------------------------------------------------
	// Header injection

	public function test_line_breaks_in_the_name_cannot_add_headers() {
		$this->assertSent(
			$this->post(
				$this->fields(
					array(
						'name'    => "Jo\r\nBcc: eve@example.net\r\nX-Injected: 1\nCc: mallory@example.net",
						'message' => "Hi\r\n\r\nBcc: eve@example.net\r\n.\r\nMAIL FROM:<eve@example.net>",
					)
				)
			)
		);
		$mail = $this->mailer->sent[0];
		$this->assertSame( array( self::ADMIN ), $mail['to'] );
		$this->assertSame( array(), $mail['cc'] );
		$this->assertSame( array(), $mail['bcc'] );
		$this->assertSame( array( 'jo@example.org' ), $mail['reply_to'] );
		$names = array_column( $mail['headers'], 0 );
		$this->assertNotContains( 'bcc', $names );
		$this->assertNotContains( 'cc', $names );
		$this->assertNotContains( 'x-injected', $names );
		$this->assertSame( array( '[Harbor & Light Counseling] Message from Jo Bcc: eve@example.net X-Injected: 1 Cc: mallory@example.net' ), $this->header_values( $mail, 'subject' ) );
		$this->assertStringNotContainsString( "\n", $mail['subject'] );
		$this->assertDoesNotMatchRegularExpression( '/^(bcc|cc|x-injected)\s*:/mi', $mail['raw_head'] );
		$this->assertCount( 1, $this->header_values( $mail, 'subject' ) );
	}

	public function test_a_name_like_an_address_list_cannot_add_reply_to_addresses() {
		$this->assertSent( $this->post( $this->fields( array( 'name' => 'eve@example.net, "Mallory" <mallory@example.net>;' ) ) ) );
		$this->assertSame( array( 'jo@example.org' ), $this->mailer->sent[0]['reply_to'] );
		$this->assertSame( array( self::ADMIN ), $this->mailer->sent[0]['to'] );
	}

	// ----------------------------------------------------------------------------------------
	// The honeypot

	public function test_a_filled_honeypot_is_answered_as_sent_and_nothing_is_mailed() {
		$this->assertSent( $this->post( $this->fields( array( '_gotcha' => 'http://spam.example' ) ) ) );
		$this->assertSent( $this->post( $this->fields( array( '_gotcha' => 'x' ) ), 'urlencoded' ) );
		$this->assertSent( $this->post( $this->fields( array( '_gotcha' => array( 'x' ) ) ) ) );
		// Before validation: a bot learns nothing from the fields.
		$this->assertSent( $this->post( array( '_gotcha' => 'x', 'email' => 'not an address' ) ) );
		$this->assertSame( array(), $this->calls );
	}

	public function test_an_empty_honeypot_is_a_person() {
		$this->assertSent( $this->post( $this->fields( array( '_gotcha' => '' ) ) ) );
		$this->assertCount( 1, $this->calls );
	}

	// ----------------------------------------------------------------------------------------
	// Repeated submissions

	public function test_a_repeated_submission_id_is_answered_as_sent_without_a_second_mail() {
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSent( $this->post( $this->fields(), 'urlencoded' ) );
		$this->assertCount( 1, $this->calls );

		$this->assertSent( $this->post( $this->fields( array( 'submissionId' => 'b2d3c4e5-0000-4000-8000-000000000001' ) ) ) );
		$this->assertCount( 2, $this->calls, 'A new id is a new message' );
	}

	public function test_a_retry_while_the_first_attempt_is_still_sending_is_a_409() {
		$during = null;
		$this->add(
			'pre_wp_mail',
			function ( $short_circuit ) use ( &$during ) {
				if ( null === $during ) {
					$during = $this->post( $this->fields() );
				}
				return $short_circuit;
			},
			20
		);
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSame( 409, $during->get_status() );
		$this->assertSame( '5', $during->get_headers()['Retry-After'] );
		$this->assertSame( 'therapist_attachment_article_in_progress', $this->body( $during )['code'] );
		$this->assertCount( 1, $this->calls );
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertCount( 1, $this->calls );
	}

	public function test_with_no_recipient_the_message_is_kept_for_the_administrators() {
		$this->add( 'therapist_attachment_article_contact_recipient', '__return_empty_string' );
		$this->assertSame( 202, $this->post( $this->fields() )->get_status() );
		$this->assertSame( array(), $this->calls );
		$this->assertCount( 1, therapist_attachment_article_kept_all() );
	}

	// ----------------------------------------------------------------------------------------
	// The rate limit

	/** Sends $n valid messages with new ids; returns their statuses. */
	private function send_many( $n ) {
		$statuses = array();
		for ( $i = 0; $i < $n; $i++ ) {
			$statuses[] = $this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4() ) ) )->get_status();
		}
		return $statuses;
	}

	public function test_five_messages_per_address_then_a_429_with_retry_after() {
		$this->assertSame( array( 200, 200, 200, 200, 200 ), $this->send_many( 5 ) );
		$response = $this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4() ) ) );
		$this->assertSame( 429, $response->get_status() );
		// Windows of 10 minutes from the clock's :00, :10 …: the wait is what is left of this one.
		$retry = (int) $response->get_headers()['Retry-After'];
		$this->assertGreaterThan( 0, $retry );
		$this->assertLessThanOrEqual( 600, $retry );
		$this->assertEqualsWithDelta( 600 - time() % 600, $retry, 1 );
		$body = $this->body( $response );
		$this->assertSame( 'therapist_attachment_article_rate_limited', $body['code'] );
		$minutes = (int) ceil( $retry / 60 );
		$this->assertSame( 'Too many messages were sent from your connection. Please try again in ' . $minutes . ( 1 === $minutes ? ' minute.' : ' minutes.' ), $body['message'] );
		$this->assertCount( 5, $this->calls );
		$this->assertSame( 5, $this->counter( therapist_attachment_article_contact_ip_key( '192.0.2.10' ), 600 ), 'The refused message is not counted' );

		// Another address is not held up.
		$_SERVER['REMOTE_ADDR'] = '198.51.100.7';
		$this->assertSame( array( 200 ), $this->send_many( 1 ) );

		// Once the window is over, the first address may write again.
		$_SERVER['REMOTE_ADDR'] = '192.0.2.10';
		$this->assertSame( array( 429 ), $this->send_many( 1 ) );
		therapist_attachment_article_store()->delete( therapist_attachment_article_contact_counter_key( therapist_attachment_article_contact_ip_key( '192.0.2.10' ), ( intdiv( time(), 600 ) + 1 ) * 600 ) );
		$this->assertSame( array( 200 ), $this->send_many( 1 ) );
	}

	/**
	 * A counter's value in the current window.
	 *
	 * @param string $name   therapist_attachment_article_contact_ip_key() or …_site_key().
	 * @param int    $window Seconds.
	 * @return int|false
	 */
	private function counter( $name, $window ) {
		$value = therapist_attachment_article_store()->get( therapist_attachment_article_contact_counter_key( $name, ( intdiv( time(), $window ) + 1 ) * $window ) );
		return null === $value ? false : (int) $value;
	}

	public function test_a_repeated_id_is_still_answered_as_sent_over_the_limit() {
		$this->assertSent( $this->post( $this->fields() ) );
		$this->send_many( 4 );
		$this->assertSame( array( 429 ), $this->send_many( 1 ) );
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertCount( 5, $this->calls );
	}

	public function test_only_messages_to_be_sent_count() {
		for ( $i = 0; $i < 6; $i++ ) {
			$this->post( $this->fields( array( 'email' => 'bad', 'submissionId' => wp_generate_uuid4() ) ) );
			$this->post( $this->fields( array( '_gotcha' => 'bot', 'submissionId' => wp_generate_uuid4() ) ) );
		}
		$this->assertSame( array( 200, 200, 200, 200, 200, 429 ), $this->send_many( 6 ) );
	}

	public function test_ipv6_addresses_count_per_64_network_and_ipv4_mapped_ones_as_ipv4() {
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2::1';
		$this->send_many( 3 );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2:ffff:ffff:ffff:ffff';
		$this->assertSame( array( 200, 200, 429 ), $this->send_many( 3 ) );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:3::1';
		$this->assertSame( array( 200 ), $this->send_many( 1 ) );

		$this->assertSame( therapist_attachment_article_contact_ip_key( '192.0.2.1' ), therapist_attachment_article_contact_ip_key( '::ffff:192.0.2.1' ) );
		$this->assertNotSame( therapist_attachment_article_contact_ip_key( '192.0.2.1' ), therapist_attachment_article_contact_ip_key( '192.0.2.2' ) );
		$this->assertNotSame( therapist_attachment_article_contact_ip_key( '::ffff:192.0.2.1' ), therapist_attachment_article_contact_ip_key( '::ffff:192.0.2.2' ) );
	}

	public function test_forwarded_headers_are_not_trusted() {
		$this->send_many( 5 );
		$response = $this->post(
			$this->fields( array( 'submissionId' => wp_generate_uuid4() ) ),
			'json',
			array(
				'X-Forwarded-For' => '203.0.113.99',
				'X-Real-IP'       => '203.0.113.99',
				'Client-IP'       => '203.0.113.99',
			)
		);
		$this->assertSame( 429, $response->get_status() );
	}

	public function test_a_site_behind_a_proxy_can_give_the_visitors_address() {
		$this->add(
			'therapist_attachment_article_contact_client_ip',
			static function () {
				return '203.0.113.50';
			}
		);
		$this->send_many( 5 );
		$this->assertSame( 5, $this->counter( therapist_attachment_article_contact_ip_key( '203.0.113.50' ), 600 ) );
		$this->assertFalse( $this->counter( therapist_attachment_article_contact_ip_key( '192.0.2.10' ), 600 ) );
	}

	public function test_the_limit_can_be_changed_or_turned_off() {
		$rate = array(
			'limit'  => 2,
			'window' => 60,
		);
		$this->add(
			'therapist_attachment_article_contact_rate_limit',
			static function () use ( &$rate ) {
				return $rate;
			}
		);
		$this->assertSame( array( 200, 200 ), $this->send_many( 2 ) );
		$response = $this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4() ) ) );
		$this->assertSame( 429, $response->get_status() );
		$this->assertLessThanOrEqual( 60, (int) $response->get_headers()['Retry-After'] );
		$this->assertSame( 'Too many messages were sent from your connection. Please try again in 1 minute.', $this->body( $response )['message'] );

		$rate = array( 'limit' => 0 );
		$this->assertSame( array_fill( 0, 8, 200 ), $this->send_many( 8 ) );
	}

	// ----------------------------------------------------------------------------------------
	// Only a real POST with a body, from this site's pages

	/**
	 * Serves a request the way WordPress builds it from PHP's globals for a real HTTP request
	 * (WP_REST_Server::serve_request(): the method from REQUEST_METHOD, then `?_method=` or the
	 * X-HTTP-Method-Override header; the query string; the parsed form body; the headers).
	 *
	 * @param string $method       REQUEST_METHOD.
	 * @param array  $query        $_GET.
	 * @param string $content_type CONTENT_TYPE, or '' for none.
	 * @param string $body         The raw body (parsed into $_POST for form types, as PHP does).
	 * @param array  $server       More $_SERVER entries (HTTP_ORIGIN …).
	 * @return WP_REST_Response
	 */
	private function serve( $method, $query, $content_type, $body, $server = array() ) {
		$_SERVER['REQUEST_METHOD'] = $method;
		if ( '' !== $content_type ) {
			$_SERVER['CONTENT_TYPE'] = $content_type;
		}
		foreach ( $server as $name => $value ) {
			$_SERVER[ $name ] = $value;
		}
		$_GET = $query;
		$post = array();
		if ( 'POST' === $method && 0 === strpos( $content_type, 'application/x-www-form-urlencoded' ) ) {
			parse_str( $body, $post );
		}

		$request = new WP_REST_Request( $_SERVER['REQUEST_METHOD'], self::ROUTE );
		$request->set_query_params( wp_unslash( $_GET ) );
		$request->set_body_params( $post );
		$request->set_headers( rest_get_server()->get_headers( wp_unslash( $_SERVER ) ) );
		$request->set_body( $body );
		if ( isset( $_GET['_method'] ) ) {
			$request->set_method( $_GET['_method'] );
		} elseif ( isset( $_SERVER['HTTP_X_HTTP_METHOD_OVERRIDE'] ) ) {
			$request->set_method( $_SERVER['HTTP_X_HTTP_METHOD_OVERRIDE'] );
		}
		return rest_do_request( $request );
	}

	public function test_a_real_post_as_a_server_builds_it_is_sent() {
		$this->assertSent( $this->serve( 'POST', array(), 'application/json', wp_json_encode( $this->fields() ) ) );
		$this->assertSent( $this->serve( 'POST', array(), 'application/x-www-form-urlencoded', http_build_query( $this->fields( array( 'submissionId' => 'second-id-123' ) ) ) ) );
		$this->assertCount( 2, $this->mailer->sent );
	}

	public function test_a_get_with_method_post_in_the_query_is_a_405_and_nothing_is_sent() {
		$response = $this->serve( 'GET', array_merge( $this->fields(), array( '_method' => 'POST' ) ), '', '' );
		$this->assertSame( 405, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_method_not_allowed', $this->body( $response )['code'] );
		$this->assertSame( 'POST', $response->get_headers()['Allow'] );
		// The same with a JSON body, as a script could send it.
		$this->assertSame( 405, $this->serve( 'GET', array( '_method' => 'POST' ), 'application/json', wp_json_encode( $this->fields() ) )->get_status() );
		$this->assertSame( 405, $this->serve( 'POST', array( '_method' => 'POST' ), 'application/json', wp_json_encode( $this->fields() ) )->get_status() );
		$this->assertSame( array(), $this->calls );
	}

	public function test_a_method_override_header_is_a_405_and_nothing_is_sent() {
		$json = wp_json_encode( $this->fields() );
		$this->assertSame( 405, $this->serve( 'GET', array(), 'application/json', $json, array( 'HTTP_X_HTTP_METHOD_OVERRIDE' => 'POST' ) )->get_status() );
		$this->assertSame( 405, $this->serve( 'PUT', array(), 'application/json', $json, array( 'HTTP_X_HTTP_METHOD_OVERRIDE' => 'POST' ) )->get_status() );
		$this->assertSame( 405, $this->serve( 'POST', array(), 'application/json', $json, array( 'HTTP_X_HTTP_METHOD_OVERRIDE' => 'POST' ) )->get_status() );
		// Another method than the request's own, when called from PHP.
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$this->assertSame( 405, $this->post( $this->fields() )->get_status() );
		$this->assertSame( array(), $this->calls );
	}

	public function test_fields_in_the_query_string_are_ignored() {
		$query = $this->fields();
		// Nothing in the body: the id is missing.
		$response = $this->serve( 'POST', $query, 'application/json', '' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 400, $this->serve( 'POST', $query, 'application/x-www-form-urlencoded', '' )->get_status() );
		// Only the id in the body: every field is missing.
		$response = $this->serve( 'POST', $query, 'application/json', wp_json_encode( array( 'submissionId' => self::ID ) ) );
		$this->assertSame( 422, $response->get_status() );
		$this->assertSame( array( 'name', 'email', 'message' ), array_keys( $this->body( $response )['errors'] ) );
		// Nor can the query string fill in the honeypot or a field of a valid body.
		$this->assertSent( $this->serve( 'POST', array( '_gotcha' => 'x', 'name' => 'Mallory' ), 'application/json', wp_json_encode( $this->fields() ) ) );
		$this->assertCount( 1, $this->mailer->sent );
		$this->assertStringContainsString( 'Name: Jo Visitor', $this->mailer->sent[0]['body'] );
	}

	/**
	 * @dataProvider unsupported_content_types
	 */
	public function test_a_body_that_is_neither_json_nor_a_form_is_a_415( $content_type ) {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		if ( null !== $content_type ) {
			$request->set_header( 'Content-Type', $content_type );
		}
		$request->set_body( wp_json_encode( $this->fields() ) );
		$request->set_body_params( $this->fields() );
		$response = rest_do_request( $request );
		$this->assertSame( 415, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_unsupported_media_type', $this->body( $response )['code'] );
		$this->assertSame( array(), $this->calls );
	}

	public function unsupported_content_types() {
		return array(
			'none'       => array( null ),
			'text/plain' => array( 'text/plain' ),
			'text/html'  => array( 'text/html; charset=UTF-8' ),
			'xml'        => array( 'application/xml' ),
			'nonsense'   => array( 'nonsense' ),
		);
	}

	public function test_json_with_a_charset_and_multipart_forms_are_read() {
		$this->assertSent( $this->post( $this->fields(), 'json', array( 'Content-Type' => 'application/json; charset=UTF-8' ) ) );
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'multipart/form-data; boundary=x' );
		$request->set_body_params( $this->fields( array( 'submissionId' => 'multipart-1' ) ) );
		$this->assertSent( rest_do_request( $request ) );
		$this->assertCount( 2, $this->mailer->sent );
	}

	/**
	 * @dataProvider foreign_origins
	 */
	public function test_a_page_of_another_site_is_refused_with_a_403_and_nothing_is_sent( $headers ) {
		$response = $this->post( $this->fields(), 'json', $headers );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_forbidden_origin', $this->body( $response )['code'] );
		$this->assertSame( array(), $this->calls );
		// Before the honeypot and the fields: nothing about them is told.
		$this->assertSame( 403, $this->post( array( '_gotcha' => 'x' ), 'urlencoded', $headers )->get_status() );
	}

	public function foreign_origins() {
		return array(
			'another site'                 => array( array( 'Origin' => 'https://evil.example' ) ),
			'a look-alike host'            => array( array( 'Origin' => 'https://example.test.evil.example' ) ),
			'a subdomain'                  => array( array( 'Origin' => 'https://shop.example.test' ) ),
			'another scheme'               => array( array( 'Origin' => 'http://example.test' ) ),
			'another port'                 => array( array( 'Origin' => 'https://example.test:8443' ) ),
			'null (sandbox, file, data:)'  => array( array( 'Origin' => 'null' ) ),
			'empty'                        => array( array( 'Origin' => '' ) ),
			'cross-site fetch, no Origin'  => array( array( 'Sec-Fetch-Site' => 'cross-site' ) ),
			'cross-site fetch, evil Origin' => array(
				array(
					'Sec-Fetch-Site' => 'cross-site',
					'Origin'         => 'https://evil.example',
				),
			),
		);
	}

	public function test_the_sites_own_pages_and_requests_without_an_origin_are_sent() {
		$this->assertSent( $this->post( $this->fields(), 'json', array( 'Origin' => 'https://example.test' ) ) );
		$this->assertSent(
			$this->post(
				$this->fields( array( 'submissionId' => 'same-origin-2' ) ),
				'urlencoded',
				array(
					'Origin'         => 'https://EXAMPLE.test:443',
					'Sec-Fetch-Site' => 'same-origin',
				)
			)
		);
		$this->assertSent( $this->post( $this->fields( array( 'submissionId' => 'same-site-3' ) ), 'json', array( 'Sec-Fetch-Site' => 'same-site' ) ) );
		// A server or curl sends neither header: treated as before (limits, honeypot, fields).
		$this->assertSent( $this->post( $this->fields( array( 'submissionId' => 'no-origin-4' ) ) ) );
		$this->assertCount( 4, $this->mailer->sent );
	}

	public function test_wordpress_own_address_is_allowed_when_it_differs_from_the_sites() {
		$saved = wp_cache_get( 'alloptions', 'options' );
		wp_cache_set( 'alloptions', array_merge( $saved, array( 'siteurl' => 'https://wp.example.test/wordpress' ) ), 'options' );
		try {
			$this->assertSame( array( 'https://example.test', 'https://wp.example.test' ), therapist_attachment_article_contact_allowed_origins() );
			$this->assertSent( $this->post( $this->fields(), 'json', array( 'Origin' => 'https://wp.example.test' ) ) );
		} finally {
			wp_cache_set( 'alloptions', $saved, 'options' );
		}
	}

	public function test_other_origins_can_be_allowed_with_a_filter() {
		$seen = null;
		$this->add(
			'therapist_attachment_article_contact_allowed_origins',
			static function ( $origins ) use ( &$seen ) {
				$seen      = $origins;
				$origins[] = 'https://www.example.test/';
				$origins[] = 'https://example.org:8443';
				$origins[] = array( 'not an origin' );
				return $origins;
			}
		);
		$this->assertSent( $this->post( $this->fields(), 'json', array( 'Origin' => 'https://www.example.test' ) ) );
		$this->assertSame( array( 'https://example.test' ), $seen );
		// Another registrable domain: the browser says cross-site, and the filter allows it.
		$this->assertSent(
			$this->post(
				$this->fields( array( 'submissionId' => 'other-domain-2' ) ),
				'json',
				array(
					'Origin'         => 'https://example.org:8443',
					'Sec-Fetch-Site' => 'cross-site',
				)
			)
		);
		$this->assertSame( 403, $this->post( $this->fields( array( 'submissionId' => 'evil-3' ) ), 'json', array( 'Origin' => 'https://evil.example' ) )->get_status() );
		$this->assertCount( 2, $this->mailer->sent );
	}

	// ----------------------------------------------------------------------------------------
	// The text arrives exactly as typed

	/**
	 * @dataProvider encodings
	 */
	public function test_the_message_arrives_exactly_as_typed( $encoding ) {
		$typed = "I'm 100%better since we were <18 and >30\n"
			. "Emoji 😀👩‍👩‍👧 and accents é, e\u{301}\n"
			. "\tTabbed\tline\n"
			. "A %20 stays %20, %3Cb%3E too, and &amp; is no ampersand\n"
			. "<script>alert('x')</script> <b>bold?</b> \\ backslash \"quotes\"\n"
			. '   spaces kept   ';
		$this->assertSent( $this->post( $this->fields( array( 'message' => $typed ) ), $encoding ) );
		$mail = $this->mailer->sent[0];
		$this->assertSame( 'text/plain', $mail['type'] );
		$this->assertStringContainsString( "Message:\n" . $typed . "\n\n-- \n", $mail['body'] );
	}

	public function encodings() {
		return array(
			'json'       => array( 'json' ),
			'urlencoded' => array( 'urlencoded' ),
		);
	}

	public function test_the_old_sanitizing_no_longer_eats_text() {
		// sanitize_textarea_field() made "I'm 100tter since we were 30" of this.
		$this->assertSent( $this->post( $this->fields( array( 'message' => "I'm 100%better since we were <18 and >30" ) ) ) );
		$this->assertStringContainsString( "\nI'm 100%better since we were <18 and >30\n", $this->mailer->sent[0]['body'] );
	}

	public function test_crlf_becomes_lf_and_control_characters_are_removed() {
		$this->assertSent( $this->post( $this->fields( array( 'message' => "One\r\nTwo\rThree\x00\x07\x1B[31m\x7F\u{85}\u{9F}\nFour\tend" ) ) ) );
		$this->assertStringContainsString( "Message:\nOne\nTwoThree[31m\nFour\tend\n", $this->mailer->sent[0]['body'] );
	}

	public function test_the_name_is_one_line_without_control_characters() {
		$this->assertSent( $this->post( $this->fields( array( 'name' => "  Jo\tO'Neil\r\n<3 100%better\x00\x1B\u{2028}x  " ) ) ) );
		$mail = $this->mailer->sent[0];
		$this->assertStringContainsString( "Name: Jo O'Neil <3 100%better x\n", $mail['body'] );
		$this->assertSame( "[Harbor & Light Counseling] Message from Jo O'Neil <3 100%better x", $mail['subject'] );
	}

	public function test_lengths_count_code_points() {
		// 200 emoji of 4 bytes each, and 200 code points as 100 "e" + combining accent pairs.
		$this->assertSent( $this->post( $this->fields( array( 'name' => str_repeat( '😀', 200 ) ) ) ) );
		$this->assertSent( $this->post( $this->fields( array( 'name' => str_repeat( "e\u{301}", 100 ), 'submissionId' => 'combining-2' ) ) ) );
		$this->assertCount( 2, $this->mailer->sent );

		$strings = therapist_attachment_article_form_strings();
		foreach (
			array(
				'name'    => array( str_repeat( '😀', 201 ), '200' ),
				'message' => array( str_repeat( "e\u{301}", 2500 ) . 'x', '5,000' ),
				'email'   => array( str_repeat( 'a', 64 ) . '@' . str_repeat( 'b', 186 ) . '.org', '254' ),
				'phone'   => array( str_repeat( '5', 41 ), '40' ),
			) as $field => $case
		) {
			$response = $this->post( $this->fields( array( $field => $case[0], 'submissionId' => 'long-' . $field . '-1' ) ) );
			$this->assertSame( 422, $response->get_status(), $field );
			$this->assertSame(
				array( $field => str_replace( '{max}', $case[1], $strings['tooLong'] ) ),
				$this->body( $response )['errors']
			);
			$this->assertSame( 'Please shorten this to ' . $case[1] . ' characters or fewer.', $this->body( $response )['errors'][ $field ] );
		}
		$this->assertCount( 2, $this->calls );
	}

	public function test_the_limits_and_messages_are_the_elements_own() {
		$facts   = therapist_attachment_article_facts();
		$strings = therapist_attachment_article_form_strings();
		$this->assertSame( 200, $facts['fields']['name']['max_length'] );
		$response = $this->post( $this->fields( array( 'name' => '', 'email' => 'x', 'phone' => 'abc', 'message' => '' ) ) );
		$this->assertSame(
			array(
				'name'    => $strings['nameError'],
				'email'   => $strings['emailError'],
				'phone'   => $strings['phoneError'],
				'message' => $strings['messageError'],
			),
			$this->body( $response )['errors']
		);
		$this->assertFalse( defined( 'THERAPIST_ATTACHMENT_ARTICLE_CONTACT_LIMITS' ), 'No second copy of the limits' );
	}

	// ----------------------------------------------------------------------------------------
	// The site's ceiling

	public function test_the_site_ceiling_is_50_per_hour_by_default() {
		$this->assertSame( 50, therapist_attachment_article_contact_site_limit() );
	}

	public function test_over_the_sites_ceiling_it_is_a_429_whatever_the_address() {
		$this->add(
			'therapist_attachment_article_contact_site_limit',
			static function () {
				return 3;
			}
		);
		foreach ( array( '198.51.100.1', '198.51.100.2', '198.51.100.3' ) as $ip ) {
			$_SERVER['REMOTE_ADDR'] = $ip;
			$this->assertSame( array( 200 ), $this->send_many( 1 ) );
		}
		$_SERVER['REMOTE_ADDR'] = '198.51.100.4';
		$response               = $this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4() ) ) );
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_site_rate_limited', $this->body( $response )['code'] );
		$retry = (int) $response->get_headers()['Retry-After'];
		$this->assertEqualsWithDelta( HOUR_IN_SECONDS - time() % HOUR_IN_SECONDS, $retry, 1 );
		// The three messages, then one email telling the site's administrator, once.
		$this->assertCount( 4, $this->calls );
		$this->assertSame( 'admin@example.test', $this->calls[3]['to'] );
		$this->assertStringContainsString( 'reached its limit', $this->calls[3]['subject'] );
		$this->assertSame( 3, $this->counter( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ) );
		// The refused message is not held against its address either.
		$this->assertSame( 0, $this->counter( therapist_attachment_article_contact_ip_key( '198.51.100.4' ), 600 ) );
		// Nor is its id: once there is room, the same message goes.
		$fields = $this->fields( array( 'submissionId' => 'refused-then-sent' ) );
		$this->assertSame( 429, $this->post( $fields )->get_status() );
		$this->assertCount( 4, $this->calls, 'The administrator is told once an hour, not once a message' );
		therapist_attachment_article_store()->delete( therapist_attachment_article_contact_counter_key( therapist_attachment_article_contact_site_key(), ( intdiv( time(), HOUR_IN_SECONDS ) + 1 ) * HOUR_IN_SECONDS ) );
		$this->assertSent( $this->post( $fields ) );
	}

	public function test_the_sites_ceiling_can_be_turned_off() {
		$this->add( 'therapist_attachment_article_contact_site_limit', '__return_zero' );
		$this->add( 'therapist_attachment_article_contact_rate_limit', static function () {
			return array( 'limit' => 0 );
		} );
		$this->assertSame( array_fill( 0, 60, 200 ), $this->send_many( 60 ) );
		$this->assertFalse( $this->counter( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ) );
	}

	public function test_only_messages_to_be_sent_count_towards_the_ceiling() {
		$this->post( $this->fields( array( 'email' => 'bad' ) ) );
		$this->post( $this->fields( array( '_gotcha' => 'bot' ) ) );
		$this->post( $this->fields( array( 'submissionId' => null ) ) );
		$this->post( $this->fields(), 'json', array( 'Origin' => 'https://evil.example' ) );
		$this->assertFalse( $this->counter( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ) );
		$this->assertSent( $this->post( $this->fields() ) );
		$this->assertSent( $this->post( $this->fields() ) ); // The same id again: not sent again.
		$this->assertSame( 1, $this->counter( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ) );
	}

	// ----------------------------------------------------------------------------------------
	// Claims: exactly once, bound to the message

	public function test_two_claims_of_one_id_the_second_is_told_it_is_being_sent() {
		$key   = therapist_attachment_article_contact_id_key( self::ID );
		$first = therapist_attachment_article_contact_claim( $key, 'hash-a' );
		$this->assertSame( 'claimed', $first['state'] );
		$this->assertSame( 'sending', therapist_attachment_article_contact_claim( $key, 'hash-a' )['state'] );
		$this->assertSame( 'other', therapist_attachment_article_contact_claim( $key, 'hash-b' )['state'] );
		therapist_attachment_article_contact_settle( $key, $first['value'], 'sent' );
		$this->assertSame( 'sent', therapist_attachment_article_contact_claim( $key, 'hash-a' )['state'] );
		$this->assertSame( 'other', therapist_attachment_article_contact_claim( $key, 'hash-b' )['state'] );
	}

	public function test_a_submission_id_claimed_by_another_request_is_a_409_and_nothing_is_sent() {
		// Another request claimed the id for this very message a moment ago.
		$fields = $this->fields();
		$hash   = therapist_attachment_article_contact_message_hash( therapist_attachment_article_contact_validate( $fields )['fields'] );
		$this->assertTrue( therapist_attachment_article_store()->insert( therapist_attachment_article_contact_id_key( self::ID ), 'sending ' . $hash . ' ' . ( time() + 900 ) ) );
		$this->assertSame( 409, $this->post( $fields )->get_status() );
		$this->assertSame( array(), $this->calls );
		$this->assertFalse( $this->counter( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ), 'Not counted' );
	}

	public function test_the_sending_mark_outlasts_any_mail_timeout_and_a_dead_attempt_is_taken_over_once() {
		$this->assertGreaterThan( 300, THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL, 'Longer than PHPMailer\'s 300 s SMTP timeout' );
		$fields = $this->fields();
		$hash   = therapist_attachment_article_contact_message_hash( therapist_attachment_article_contact_validate( $fields )['fields'] );
		$key    = therapist_attachment_article_contact_id_key( self::ID );
		// An attempt that died mid-send, its mark now over.
		therapist_attachment_article_store()->insert( $key, 'sending ' . $hash . ' ' . ( time() - 1 ) );
		$this->assertSent( $this->post( $fields ) );
		$this->assertSent( $this->post( $fields ) );
		$this->assertCount( 1, $this->calls );
	}

	public function test_the_same_id_with_another_message_is_refused_not_answered_sent() {
		$this->assertSent( $this->post( $this->fields() ) );
		$response = $this->post( $this->fields( array( 'message' => 'Something else entirely' ) ) );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_id_reused', $this->body( $response )['code'] );
		$this->assertCount( 1, $this->calls );
	}

	public function test_counters_leave_nothing_after_their_window() {
		$store = therapist_attachment_article_store();
		// A counter of a window that ended a second ago, and one of the current window.
		$store->insert( therapist_attachment_article_contact_counter_key( 'ip_old', time() - 1 ), '3' );
		$this->assertSame( array( 200 ), $this->send_many( 1 ) );
		$names = array_keys( $store->with_prefix( 'taa_count_' ) );
		$this->assertCount( 2, $names, 'This window\'s address and site counters only' );
		foreach ( $names as $name ) {
			$this->assertGreaterThan( time(), (int) substr( $name, strlen( 'taa_count_' ), 10 ) );
		}
		// After the window, the clean-up (WP-Cron, or the next message) leaves nothing.
		$store->delete_before( 'taa_count_', therapist_attachment_article_contact_counter_key( '', time() + 3601 ) );
		$this->assertSame( array(), $store->with_prefix( 'taa_count_' ) );
	}

	// ----------------------------------------------------------------------------------------
	// Mail fails: the message is kept, encrypted, and delivered once later

	/** Makes wp_mail() fail until the returned function is called. */
	private function break_mail() {
		$fail = static function () {
			return false;
		};
		add_filter( 'pre_wp_mail', $fail, 20 );
		$this->added[] = array( 'pre_wp_mail', $fail, 20 );
		return static function () use ( $fail ) {
			remove_filter( 'pre_wp_mail', $fail, 20 );
		};
	}

	public function test_when_mail_fails_the_message_is_kept_encrypted_and_the_visitor_told_so() {
		$this->break_mail();
		$response = $this->post( $this->fields( array( 'message' => 'Unique kept text K' ) ) );
		$this->assertSame( 202, $response->get_status() );
		$body = $this->body( $response );
		$this->assertFalse( $body['sent'] );
		$this->assertTrue( $body['kept'] );
		// The element's own words for a 202 (src/content/form-strings.ts): received, not sent.
		$this->assertSame( therapist_attachment_article_form_strings()['received'], $body['message'] );
		$this->assertStringContainsString( 'received', $body['message'] );

		$kept = therapist_attachment_article_store()->with_prefix( 'taa_kept_' );
		$this->assertCount( 1, $kept );
		$all = serialize( therapist_attachment_article_store()->rows );
		foreach ( array( 'Jo Visitor', 'jo@example.org', '555', 'Unique kept text K' ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $all, 'Nothing readable in the database' );
		}
		$message = array_values( therapist_attachment_article_kept_all() )[0];
		$this->assertSame( 'Unique kept text K', $message['fields']['message'] );
		$this->assertSame( 'jo@example.org', $message['fields']['email'] );

		// The visitor's retry is answered the same, and nothing more is kept.
		$this->assertSame( 202, $this->post( $this->fields( array( 'message' => 'Unique kept text K' ) ) )->get_status() );
		$this->assertCount( 1, therapist_attachment_article_store()->with_prefix( 'taa_kept_' ) );
	}

	public function test_a_kept_message_is_delivered_once_when_mail_works_again_then_deleted() {
		$repair = $this->break_mail();
		$this->post( $this->fields() );
		$id = array_keys( therapist_attachment_article_kept_all() )[0];
		$this->assertSame( 'failed', therapist_attachment_article_kept_send( $id ) );
		$this->assertSame( array(), $this->mailer->sent );
		$repair();
		$this->assertSame( 'sent', therapist_attachment_article_kept_send( $id ) );
		$this->assertCount( 1, $this->mailer->sent );
		$this->assertStringContainsString( "Hello Emily,\n\nI would like to book a first session.", $this->mailer->sent[0]['body'] );
		$this->assertStringContainsString( 'could not email it then', $this->mailer->sent[0]['body'] );
		$this->assertSame( array(), therapist_attachment_article_kept_all() );
		$this->assertSame( 'gone', therapist_attachment_article_kept_send( $id ) );
		$this->assertCount( 1, $this->mailer->sent );
	}

	public function test_a_kept_message_tried_by_two_requests_at_once_is_tried_by_one() {
		$this->break_mail();
		$this->post( $this->fields() );
		$id   = array_keys( therapist_attachment_article_kept_all() )[0];
		$seen = null;
		// While the first try is under way, another request (WP-Cron, an administrator) tries.
		$this->add(
			'pre_wp_mail',
			static function ( $short_circuit ) use ( $id, &$seen ) {
				if ( null === $seen ) {
					$seen = 'pending';
					$seen = therapist_attachment_article_kept_send( $id );
				}
				return $short_circuit;
			},
			5
		);
		therapist_attachment_article_kept_send( $id );
		$this->assertSame( 'busy', $seen );
	}

	public function test_the_retry_waits_longer_each_time() {
		$waits = array_map( 'therapist_attachment_article_kept_backoff', range( 0, 6 ) );
		$this->assertSame( array( 300, 900, 3600, 10800, 21600, 43200, 43200 ), $waits );
	}

	public function test_kept_messages_older_than_the_retention_period_are_deleted() {
		$this->break_mail();
		$this->post( $this->fields() );
		$store = therapist_attachment_article_store();
		$name  = array_keys( $store->with_prefix( 'taa_kept_' ) )[0];
		$row   = json_decode( $store->get( $name ), true );
		$row['received'] = time() - 29 * DAY_IN_SECONDS;
		$store->set( $name, wp_json_encode( $row ) );
		therapist_attachment_article_kept_expire();
		$this->assertCount( 1, $store->with_prefix( 'taa_kept_' ), 'Default: 30 days' );
		$row['received'] = time() - 31 * DAY_IN_SECONDS;
		$store->set( $name, wp_json_encode( $row ) );
		therapist_attachment_article_kept_expire();
		$this->assertSame( array(), $store->with_prefix( 'taa_kept_' ) );
	}

	public function test_when_the_message_can_neither_be_mailed_nor_kept_it_is_a_500_and_the_retry_may_try_again() {
		$this->break_mail();
		$full  = therapist_attachment_article_store();
		$store = new class() extends Therapist_Attachment_Article_Store {
			public $inner;
			public function insert( $name, $value ) {
				return 0 === strpos( $name, 'taa_kept_' ) ? false : $this->inner->insert( $name, $value );
			}
			public function get( $name ) {
				return $this->inner->get( $name );
			}
			public function set( $name, $value ) {
				$this->inner->set( $name, $value );
			}
			public function replace( $name, $old, $new ) {
				return $this->inner->replace( $name, $old, $new );
			}
			public function increment_below( $name, $limit ) {
				return $this->inner->increment_below( $name, $limit );
			}
			public function decrement( $name ) {
				$this->inner->decrement( $name );
			}
			public function delete( $name ) {
				return $this->inner->delete( $name );
			}
			public function delete_if( $name, $value ) {
				return $this->inner->delete_if( $name, $value );
			}
			public function with_prefix( $prefix ) {
				return $this->inner->with_prefix( $prefix );
			}
			public function delete_before( $prefix, $bound ) {
				$this->inner->delete_before( $prefix, $bound );
			}
		};
		$store->inner = $full;
		therapist_attachment_article_store( $store );
		try {
			$response = $this->post( $this->fields() );
		} finally {
			therapist_attachment_article_store( $full );
		}
		$this->assertSame( 500, $response->get_status() );
		$this->assertSame( 'therapist_attachment_article_mail_failed', $this->body( $response )['code'] );
		$this->assertStringContainsString( 'did not keep it', $this->body( $response )['message'] );
		$this->assertSame( 0, (int) $this->counter( therapist_attachment_article_contact_ip_key( '192.0.2.10' ), 600 ), 'Not counted' );
		$this->assertSame( array(), $full->with_prefix( 'taa_claim_' ), 'The claim is let go' );
	}

	public function test_the_exporter_and_eraser_find_a_visitors_kept_messages_by_email() {
		$this->break_mail();
		$this->post( $this->fields() );
		$this->post( $this->fields( array( 'email' => 'other@example.org', 'submissionId' => wp_generate_uuid4() ) ) );
		$this->assertArrayHasKey( 'therapist-attachment-article', therapist_attachment_article_register_exporter( array() ) );
		$this->assertArrayHasKey( 'therapist-attachment-article', therapist_attachment_article_register_eraser( array() ) );

		$export = therapist_attachment_article_export( 'JO@example.org' );
		$this->assertTrue( $export['done'] );
		$this->assertCount( 1, $export['data'] );
		$values = array_column( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'Jo Visitor', $values['Name'] );
		$this->assertSame( "Hello Emily,\n\nI would like to book a first session.", $values['Message'] );
		$this->assertSame( array(), therapist_attachment_article_export( 'nobody@example.org' )['data'] );

		$erased = therapist_attachment_article_erase( 'jo@example.org' );
		$this->assertTrue( $erased['items_removed'] );
		$this->assertFalse( $erased['items_retained'] );
		$this->assertSame( array(), therapist_attachment_article_export( 'jo@example.org' )['data'] );
		$this->assertCount( 1, therapist_attachment_article_export( 'other@example.org' )['data'], 'Another visitor\'s message stays' );
		$this->assertFalse( therapist_attachment_article_erase( 'jo@example.org' )['items_removed'] );
	}

	public function test_site_health_reports_a_broken_mailer_and_kept_messages() {
		$this->assertArrayHasKey( 'therapist_attachment_article_mail', therapist_attachment_article_site_health_tests( array( 'direct' => array() ) )['direct'] );
		$this->assertSent( $this->post( $this->fields() ) );
		$result = therapist_attachment_article_site_health();
		$this->assertSame( 'recommended', $result['status'], 'Mail works; messages go to the admin email without the owner choosing' );
		$this->assertStringContainsString( 'because no address was chosen', $result['description'] );

		$this->break_mail();
		$this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4(), 'message' => 'Another' ) ) );
		$result = therapist_attachment_article_site_health();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'cannot send email', $result['description'] );
		$this->assertStringContainsString( '1 message is waiting', $result['description'] );
	}

	public function test_the_key_of_kept_messages_comes_from_wp_config_not_the_database() {
		$secret = therapist_attachment_article_secret();
		$this->assertSame( 'config', $secret['source'] );
		$this->assertStringContainsString( NONCE_KEY, $secret['secret'] );
	}

	public function test_at_the_sites_ceiling_articles_show_the_contact_page_link_instead_of_the_form() {
		$this->add(
			'therapist_attachment_article_contact_site_limit',
			static function () {
				return 1;
			}
		);
		$this->settings( array( 'default_cta_href' => '/contact' ) );
		$attributes = therapist_attachment_article_sanitize_attributes( array( 'form' => 'on' ) );
		$this->assertArrayHasKey( 'form-action', $attributes, 'Below the ceiling: the form' );
		$this->assertSame( array( 200 ), $this->send_many( 1 ) );
		$this->assertTrue( therapist_attachment_article_contact_ceiling_is_reached() );
		$attributes = therapist_attachment_article_sanitize_attributes( array( 'form' => 'on' ) );
		$this->assertArrayNotHasKey( 'form-action', $attributes );
		$this->assertSame( '/contact', $attributes['cta-href'] );
		$response = $this->post( $this->fields( array( 'submissionId' => wp_generate_uuid4() ) ) );
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( '/contact', $this->body( $response )['link'], 'A page cached with the form still gets the link' );
		$this->assertNotNull( therapist_attachment_article_store()->get( THERAPIST_ATTACHMENT_ARTICLE_CEILING_ROW ), 'The administrators\' notice' );
	}

	public function test_the_test_message_goes_to_the_recipient_as_visitors_messages_do() {
		$this->post_by( self::ADMINISTRATOR ); // The users.
		wp_set_current_user( self::ADMINISTRATOR );
		try {
			$this->assertTrue( therapist_attachment_article_send_test_message() );
		} finally {
			unset( $GLOBALS['current_user'] );
		}
		$this->assertCount( 1, $this->mailer->sent );
		$this->assertSame( 'admin@example.test', $this->calls[0]['to'] );
		$this->assertStringContainsString( 'This is a test message', $this->calls[0]['message'] );
		$this->assertTrue( therapist_attachment_article_mail_status()['ok'] );
	}

	public function test_activation_asks_the_owner_to_confirm_where_messages_go() {
		therapist_attachment_article_activate();
		$this->assertNotNull( therapist_attachment_article_store()->get( THERAPIST_ATTACHMENT_ARTICLE_CONFIRM_ROW ) );
	}

	// ----------------------------------------------------------------------------------------
	// The plain form post (JavaScript off)

	/**
	 * Posts the form as a browser does without JavaScript: a urlencoded navigation, no
	 * submission id.
	 */
	private function navigate( $fields, $headers = array() ) {
		unset( $fields['submissionId'] );
		return $this->post(
			$fields,
			'urlencoded',
			array_merge(
				array(
					'Accept'         => 'text/html,application/xhtml+xml,*/*;q=0.8',
					'Sec-Fetch-Mode' => 'navigate',
					'Sec-Fetch-Site' => 'same-origin',
					'Origin'         => 'https://example.test',
					'Referer'        => 'https://example.test/reach-out/?utm=x',
				),
				$headers
			)
		);
	}

	public function test_a_plain_form_post_is_sent_once_and_answered_with_a_303_back_to_the_page() {
		$response = $this->navigate( $this->fields() );
		$this->assertSame( 303, $response->get_status() );
		$location = $response->get_headers()['Location'];
		$this->assertSame( 'https://example.test/reach-out/?utm=x&taa-contact=sent#therapist-attachment-article-result', $location );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$this->assertCount( 1, $this->calls );
		$this->assertStringContainsString( "Hello Emily,\n\nI would like to book a first session.", $this->calls[0]['message'] );

		// Back, then Send again (or a second identical post): nothing more is sent.
		$this->assertSame( 303, $this->navigate( $this->fields() )->get_status() );
		$this->assertCount( 1, $this->calls );
		// Another message is another message.
		$this->assertSame( 303, $this->navigate( $this->fields( array( 'message' => 'A second question' ) ) )->get_status() );
		$this->assertCount( 2, $this->calls );
	}

	public function test_a_plain_form_post_never_puts_the_message_in_a_url() {
		$response = $this->navigate( $this->fields( array( 'message' => 'Secretword here' ) ) );
		$location = $response->get_headers()['Location'];
		foreach ( array( 'Secretword', 'Jo', 'jo%40example', 'jo@example', '555' ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $location );
		}
	}

	public function test_a_plain_form_post_from_another_site_or_nowhere_is_refused_with_a_page() {
		foreach (
			array(
				array( 'Origin' => 'https://evil.example' ),
				array( 'Origin' => 'null' ),
			) as $headers
		) {
			$response = $this->navigate( $this->fields(), $headers );
			$this->assertSame( 403, $response->get_status() );
			$this->assertSame( 'text/html; charset=UTF-8', $response->get_headers()['Content-Type'] );
			$this->assertStringContainsString( 'Your message was not sent', $response->get_data()['therapist_attachment_article_html'] );
		}
		// No Origin (a browser that sends none) and a Referer of another site: refused too.
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/x-www-form-urlencoded' );
		$request->set_header( 'Accept', 'text/html' );
		$request->set_header( 'Referer', 'https://evil.example/page' );
		$fields = $this->fields();
		unset( $fields['submissionId'] );
		$request->set_body_params( $fields );
		$this->assertSame( 403, rest_do_request( $request )->get_status() );
		$this->assertSame( array(), $this->calls );
	}

	public function test_a_plain_form_post_with_an_invalid_field_gets_a_page_that_says_so() {
		$response = $this->navigate( $this->fields( array( 'email' => 'not an address' ) ) );
		$this->assertSame( 422, $response->get_status() );
		$html = $response->get_data()['therapist_attachment_article_html'];
		$this->assertStringContainsString( 'Email: Please enter an email address', $html );
		$this->assertStringContainsString( 'Back button', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertSame( array(), $this->calls );
	}

	public function test_a_plain_form_post_when_mail_fails_is_kept_and_the_page_says_so() {
		$this->break_mail();
		$response = $this->navigate( $this->fields() );
		$this->assertSame( 303, $response->get_status() );
		$this->assertStringContainsString( 'taa-contact=kept', $response->get_headers()['Location'] );
		$this->assertCount( 1, therapist_attachment_article_kept_all() );
	}

	public function test_the_page_shows_the_result_above_the_article_once() {
		$_GET['taa-contact'] = 'sent';
		$html                = therapist_attachment_article_render( array( 'form-action' => self::FORM_ACTION ) );
		$this->assertStringStartsWith( '<p id="therapist-attachment-article-result" class="therapist-attachment-article-result" role="status">Thank you, your message was sent.', $html );
		$this->assertStringNotContainsString( 'therapist-attachment-article-result', therapist_attachment_article_render( array( 'form-action' => self::FORM_ACTION ) ), 'Once per page' );
	}

	public function test_the_elements_own_post_is_not_a_plain_form_post() {
		$response = $this->post( $this->fields(), 'urlencoded' );
		$this->assertSent( $response );
		$fields = $this->fields();
		unset( $fields['submissionId'] );
		$this->assertSame( 400, $this->post( $fields, 'urlencoded', array( 'Accept' => 'application/json', 'Sec-Fetch-Mode' => 'cors' ) )->get_status() );
	}

	// ----------------------------------------------------------------------------------------
	// Privacy

	public function test_nothing_of_the_message_or_the_address_is_kept() {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.77';
		$this->assertSent( $this->post( $this->fields( array( 'name' => 'Unique Name Q', 'message' => 'Unique message text Z' ) ) ) );

		$rows = therapist_attachment_article_store()->rows;
		ksort( $rows );
		$names = array_keys( $rows );
		$this->assertCount( 4, $rows, 'The claim, the address\'s count, the site\'s count, the last mail\'s outcome' );
		$this->assertMatchesRegularExpression( '/^taa_claim_[0-9a-f]{32}$/', $names[0] );
		$this->assertMatchesRegularExpression( '/^sent [0-9a-f]{32} [0-9]+$/', $rows[ $names[0] ] );
		$this->assertMatchesRegularExpression( '/^taa_count_[0-9]{10}_ip_[0-9a-f]{32}$/', $names[1] );
		$this->assertMatchesRegularExpression( '/^taa_count_[0-9]{10}_site$/', $names[2] );
		$this->assertSame( 'taa_mail_status', $names[3] );
		$all = serialize( $rows );
		foreach ( array( 'Unique Name Q', 'jo@example.org', '555', 'Unique message text Z', '203.0.113.77', self::ID ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $all );
		}
		// And no other database write: it would have thrown (wp-content/db.php).
	}

	public function test_the_privacy_policy_text_names_what_is_kept() {
		$text = therapist_attachment_article_privacy_policy_text();
		$this->assertStringContainsString( 'keyed hash of your IP address', $text );
		$this->assertStringContainsString( '24 hours', $text );
		$this->assertStringContainsString( 'current hour', $text );
		$this->assertStringContainsString( 'encrypted, in its database', $text );
		$this->assertStringContainsString( 'at the latest 30 days after you sent it', $text );
		$this->assertStringContainsString( 'until the end of the 10-minute period', $text );
		$this->assertStringContainsString( 'never what you wrote', $text );
		$this->assertStringNotContainsString( 'does not keep them.', $text, 'No broader claim than the truth' );
	}

	public function test_the_privacy_policy_text_is_only_added_in_the_admin() {
		// wp_add_privacy_policy_content() is loaded with the admin only; elsewhere nothing happens.
		$this->assertFalse( function_exists( 'wp_add_privacy_policy_content' ) );
		therapist_attachment_article_privacy_policy();
		$this->assertSame( 10, has_action( 'admin_init', 'therapist_attachment_article_privacy_policy' ) );
	}
}
