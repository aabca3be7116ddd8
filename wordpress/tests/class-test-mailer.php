<?php
/**
 * A PHPMailer that sends nothing: it builds each message exactly as wp_mail() would have it
 * sent (headers encoded, recipients parsed) and keeps it for the test to read.
 *
 * wp_mail() uses the global $phpmailer when it is a PHPMailer, so setting this one in its place
 * runs all of wp_mail()'s own code; only the hand-over to the mail server is left out.
 *
 * @package TherapistAttachmentArticle
 */

require_once ABSPATH . WPINC . '/PHPMailer/PHPMailer.php';
require_once ABSPATH . WPINC . '/PHPMailer/SMTP.php';
require_once ABSPATH . WPINC . '/PHPMailer/Exception.php';

final class Therapist_Attachment_Article_Test_Mailer extends PHPMailer\PHPMailer\PHPMailer {

	/** @var array[] The messages "sent", oldest first. */
	public $sent = array();

	public function __construct() {
		parent::__construct( true );
		// As wp_mail() sets it up.
		static::$validator = static function ( $email ) {
			return (bool) is_email( $email );
		};
	}

	/**
	 * Called by send() once preSend() has built the message.
	 *
	 * @return bool
	 */
	public function postSend() {
		$mime                = $this->getSentMIMEMessage();
		list( $head, $body ) = preg_split( '/\r?\n\r?\n/', $mime, 2 );
		$this->sent[]        = array(
			'to'       => array_column( $this->getToAddresses(), 0 ),
			'cc'       => array_column( $this->getCcAddresses(), 0 ),
			'bcc'      => array_column( $this->getBccAddresses(), 0 ),
			'reply_to' => array_column( array_values( $this->getReplyToAddresses() ), 0 ),
			'from'     => $this->From,
			'subject'  => $this->Subject,
			'type'     => $this->ContentType,
			'charset'  => $this->CharSet,
			'body'     => $this->Body,
			'headers'  => self::parse_headers( $head ),
			'raw_head' => $head,
		);
		return true;
	}

	/**
	 * The header lines of a message, unfolded: a list of [name, value].
	 *
	 * @param string $head The header block.
	 * @return array<int, array{0: string, 1: string}>
	 */
	private static function parse_headers( $head ) {
		$head    = preg_replace( '/\r?\n[ \t]+/', ' ', $head );
		$headers = array();
		foreach ( preg_split( '/\r?\n/', $head ) as $line ) {
			if ( '' !== $line ) {
				list( $name, $value ) = array_map( 'trim', explode( ':', $line, 2 ) + array( '', '' ) );
				$headers[]            = array( strtolower( $name ), iconv_mime_decode( $value, ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8' ) );
			}
		}
		return $headers;
	}
}
