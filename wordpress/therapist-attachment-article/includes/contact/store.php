<?php
/**
 * Where the contact form keeps its short-lived marks and counters, and the messages that could
 * not be emailed: rows of the options table, written and read with single SQL statements that
 * the database itself makes atomic. No object cache is needed, and none is trusted: a cache may
 * evict a key or, without a persistent cache, forget it at the end of the request.
 *
 * Why not add_option() or transients: add_option() checks with a read first and then writes with
 * `INSERT … ON DUPLICATE KEY UPDATE`, so two requests at the same instant can both "add" a name
 * (the second overwrites the first, and both are told they added it); a transient is a
 * get-then-set. Here a name is claimed with `INSERT IGNORE`, which inserts a row only if the
 * unique `option_name` is free and says whether it did, and a value is changed with
 * `UPDATE … WHERE option_value = <the value read>`, which succeeds for one request only.
 *
 * The rows are never autoloaded (`autoload = 'no'`) and are read only here, never with
 * get_option(), so WordPress's option caches never hold a stale copy.
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/**
 * The database store. PHPUnit replaces it with an in-memory twin of the same semantics
 * (therapist_attachment_article_store( $replacement )); the end-to-end tests run it against a
 * real MariaDB with parallel requests.
 */
class Therapist_Attachment_Article_Store {

	/**
	 * Creates a row unless the name exists.
	 *
	 * @param string $name  The name (at most 191 characters).
	 * @param string $value The value.
	 * @return bool Whether this call created it.
	 */
	public function insert( $name, $value ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- An atomic insert: see the file's comment.
		$done = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')", $name, $value ) );
		return 1 === $done;
	}

	/**
	 * Reads a row.
	 *
	 * @param string $name The name.
	 * @return string|null The value, or null when there is no such row.
	 */
	public function get( $name ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Never cached: see the file's comment.
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		return null === $value ? null : (string) $value;
	}

	/**
	 * Writes a row, whatever it held (for values where the last writer may win).
	 *
	 * @param string $name  The name.
	 * @param string $value The value.
	 */
	public function set( $name, $value ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Rows of this store only.
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)", $name, $value ) );
	}

	/**
	 * Changes a row's value, only if it still holds the value the caller read.
	 *
	 * @param string $name The name.
	 * @param string $old  The value read.
	 * @param string $new  The new value.
	 * @return bool Whether this call changed it.
	 */
	public function replace( $name, $old, $new ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- A compare-and-set: see the file's comment.
		$done = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", $new, $name, $old ) );
		return 1 === $done;
	}

	/**
	 * Adds 1 to a counter (created at 0 when absent), unless it has reached the limit.
	 *
	 * @param string $name  The name.
	 * @param int    $limit The limit.
	 * @return bool Whether this call counted.
	 */
	public function increment_below( $name, $limit ) {
		global $wpdb;
		$this->insert( $name, '0' );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Atomic in one statement.
		$done = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS UNSIGNED) + 1 WHERE option_name = %s AND CAST(option_value AS UNSIGNED) < %d", $name, $limit ) );
		return 1 === $done;
	}

	/**
	 * Takes 1 from a counter that is above 0.
	 *
	 * @param string $name The name.
	 */
	public function decrement( $name ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Atomic in one statement.
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS UNSIGNED) - 1 WHERE option_name = %s AND CAST(option_value AS UNSIGNED) > 0", $name ) );
	}

	/**
	 * Removes a row.
	 *
	 * @param string $name The name.
	 * @return bool Whether there was one.
	 */
	public function delete( $name ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Rows of this store only.
		return 1 === $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", $name ) );
	}

	/**
	 * Removes a row, only if it still holds the value the caller read.
	 *
	 * @param string $name  The name.
	 * @param string $value The value read.
	 * @return bool Whether this call removed it.
	 */
	public function delete_if( $name, $value ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- A compare-and-delete: see the file's comment.
		return 1 === $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s", $name, $value ) );
	}

	/**
	 * Rows whose names start with a prefix, in name order.
	 *
	 * @param string $prefix The prefix.
	 * @return array<string, string> Name => value.
	 */
	public function with_prefix( $prefix ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- Rows of this store only.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_name", $wpdb->esc_like( $prefix ) . '%' ), ARRAY_A );
		$found = array();
		foreach ( (array) $rows as $row ) {
			$found[ (string) $row['option_name'] ] = (string) $row['option_value'];
		}
		return $found;
	}

	/**
	 * Removes the rows whose names start with a prefix and sort before a bound (names that carry
	 * a fixed-width time after the prefix: those whose time is over).
	 *
	 * @param string $prefix The prefix.
	 * @param string $bound  The first name to keep.
	 */
	public function delete_before( $prefix, $bound ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- A range of this store's rows on the unique index.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_name < %s", $wpdb->esc_like( $prefix ) . '%', $bound ) );
	}
}

/**
 * The store in use.
 *
 * @param Therapist_Attachment_Article_Store|null $replacement For tests: another store to use from now on.
 * @return Therapist_Attachment_Article_Store
 */
function therapist_attachment_article_store( $replacement = null ) {
	static $store = null;
	if ( null !== $replacement ) {
		$store = $replacement;
	}
	if ( null === $store ) {
		$store = new Therapist_Attachment_Article_Store();
	}
	return $store;
}
