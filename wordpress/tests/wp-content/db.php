<?php
/**
 * Database drop-in for the unit tests: WordPress's own code runs, but nothing reaches a
 * database. Any query is a test failure, so a test cannot pass by accident on an empty result.
 *
 * @package TherapistAttachmentArticle
 */

// phpcs:disable Generic.Files.OneObjectStructurePerFile
final class Therapist_Attachment_Article_Test_Wpdb extends wpdb {
	public function __construct() {
		// No connection: wpdb's constructor would connect to a server.
		$this->ready = false;
	}

	public function query( $query ) {
		throw new LogicException( 'Unit tests have no database; the code under test ran: ' . $query );
	}

	public function db_connect( $allow_bail = true ) {
		return false;
	}

	public function check_connection( $allow_bail = true ) {
		return false;
	}
}

$GLOBALS['wpdb'] = new Therapist_Attachment_Article_Test_Wpdb();
