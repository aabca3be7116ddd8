<?php
/**
 * The plugin's store (includes/contact/store.php) in memory, for the unit tests, which have no
 * database: the same operations with the same outcomes as the SQL statements (INSERT IGNORE,
 * compare-and-set UPDATE, counting UPDATE below a limit, prefix and range queries). Whether the
 * database really runs them atomically is what the end-to-end tests check, with parallel
 * requests against MariaDB.
 *
 * @package TherapistAttachmentArticle
 */

final class Therapist_Attachment_Article_Memory_Store extends Therapist_Attachment_Article_Store {

	/** @var array<string, string> Name => value. */
	public $rows = array();

	public function insert( $name, $value ) {
		if ( array_key_exists( $name, $this->rows ) ) {
			return false;
		}
		$this->rows[ $name ] = (string) $value;
		return true;
	}

	public function get( $name ) {
		return array_key_exists( $name, $this->rows ) ? $this->rows[ $name ] : null;
	}

	public function set( $name, $value ) {
		$this->rows[ $name ] = (string) $value;
	}

	public function replace( $name, $old, $new ) {
		if ( ! array_key_exists( $name, $this->rows ) || $this->rows[ $name ] !== $old || $old === $new ) {
			return false; // MySQL counts a row set to the value it holds as not changed.
		}
		$this->rows[ $name ] = (string) $new;
		return true;
	}

	public function increment_below( $name, $limit ) {
		$this->insert( $name, '0' );
		if ( (int) $this->rows[ $name ] >= $limit ) {
			return false;
		}
		$this->rows[ $name ] = (string) ( (int) $this->rows[ $name ] + 1 );
		return true;
	}

	public function decrement( $name ) {
		if ( isset( $this->rows[ $name ] ) && (int) $this->rows[ $name ] > 0 ) {
			$this->rows[ $name ] = (string) ( (int) $this->rows[ $name ] - 1 );
		}
	}

	public function delete( $name ) {
		$there = array_key_exists( $name, $this->rows );
		unset( $this->rows[ $name ] );
		return $there;
	}

	public function delete_if( $name, $value ) {
		if ( ! array_key_exists( $name, $this->rows ) || $this->rows[ $name ] !== $value ) {
			return false;
		}
		unset( $this->rows[ $name ] );
		return true;
	}

	public function with_prefix( $prefix ) {
		$found = array();
		foreach ( $this->rows as $name => $value ) {
			if ( 0 === strpos( $name, $prefix ) ) {
				$found[ $name ] = $value;
			}
		}
		ksort( $found, SORT_STRING );
		return $found;
	}

	public function delete_before( $prefix, $bound ) {
		foreach ( array_keys( $this->rows ) as $name ) {
			if ( 0 === strpos( $name, $prefix ) && strcmp( $name, $bound ) < 0 ) {
				unset( $this->rows[ $name ] );
			}
		}
	}
}

therapist_attachment_article_store( new Therapist_Attachment_Article_Memory_Store() );
