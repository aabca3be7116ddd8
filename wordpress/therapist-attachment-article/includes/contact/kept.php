<?php
/**
 * Kept messages: a message that could not be emailed is kept for the practice, encrypted, and
 * retried by WP-Cron until it is delivered, read and deleted by an administrator, or older than
 * the retention period (Settings → Therapist Attachment Article, 30 days by default).
 *
 * Each is one row of the plugin's store, `taa_kept_<random>`, holding: when it was received, how
 * many times sending was tried and when the next try is due, a keyed hash of the visitor's email
 * address (for WordPress's personal data exporter and eraser), and the message itself (name,
 * email, phone, message, the page it came from) encrypted with libsodium's secretbox
 * (XSalsa20-Poly1305; PHP's sodium extension, or the copy WordPress ships). The key is derived
 * from therapist_attachment_article_secret(): a database dump alone does not reveal a message
 * unless the site's keys live in the database too (see there).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** The WP-Cron event that retries kept messages. */
const THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT = 'therapist_attachment_article_retry';

/** The store's prefix of kept messages. */
const THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX = 'taa_kept_';

/** The screen that lists kept messages (options-general.php?page=…). */
const THERAPIST_ATTACHMENT_ARTICLE_KEPT_PAGE = 'therapist-attachment-article-messages';

/**
 * The secret that keys the plugin's hashes and the kept messages' encryption, and where it comes
 * from:
 * - `constant`: THERAPIST_ATTACHMENT_ARTICLE_KEY, if wp-config.php defines it (32 characters or
 *   more): the one to use where the site's keys change (some security plugins rotate them);
 * - `config`: the keys and salts of wp-config.php (AUTH_KEY … NONCE_SALT), as WordPress installs
 *   them;
 * - `database`: neither: WordPress then keeps its salts in the options table, and someone with a
 *   copy of the database alone could decrypt kept messages and test guesses against the hashes.
 *   Site Health says so.
 * Changing the keys makes kept messages unreadable: deliver or read them first.
 *
 * @return array{secret: string, source: string}
 */
function therapist_attachment_article_secret() {
	if ( defined( 'THERAPIST_ATTACHMENT_ARTICLE_KEY' ) && is_string( THERAPIST_ATTACHMENT_ARTICLE_KEY ) && strlen( THERAPIST_ATTACHMENT_ARTICLE_KEY ) >= 32 ) {
		return array(
			'secret' => THERAPIST_ATTACHMENT_ARTICLE_KEY,
			'source' => 'constant',
		);
	}
	$secret = '';
	foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $name ) {
		$value = defined( $name ) ? constant( $name ) : '';
		if ( is_string( $value ) && '' !== $value && 'put your unique phrase here' !== $value ) {
			$secret .= $name . '=' . $value . "\n";
		}
	}
	if ( '' !== $secret ) {
		return array(
			'secret' => $secret,
			'source' => 'config',
		);
	}
	return array(
		'secret' => wp_salt( 'auth' ) . wp_salt( 'nonce' ),
		'source' => 'database',
	);
}

/**
 * The encryption key (32 bytes).
 *
 * @return string
 */
function therapist_attachment_article_kept_key() {
	return hash_hmac( 'sha256', 'kept messages v1', therapist_attachment_article_secret()['secret'], true );
}

/**
 * The keyed hash of an email address that finds a visitor's kept messages.
 *
 * @param string $email An email address.
 * @return string
 */
function therapist_attachment_article_kept_email_hash( $email ) {
	return therapist_attachment_article_contact_hash( 'email ' . strtolower( trim( (string) $email ) ) );
}

/**
 * Keeps a message that could not be emailed, and asks WP-Cron to retry it.
 *
 * @param array<string, string> $fields The checked fields.
 * @param string                $page   The page it came from, or ''.
 * @return string|null The kept message's id, or null when it could not be kept.
 */
function therapist_attachment_article_kept_add( $fields, $page ) {
	if ( ! function_exists( 'sodium_crypto_secretbox' ) ) {
		return null;
	}
	$now   = time();
	$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
	$plain = wp_json_encode(
		array(
			'name'    => $fields['name'],
			'email'   => $fields['email'],
			'phone'   => $fields['phone'],
			'message' => $fields['message'],
			'page'    => $page,
		)
	);
	if ( ! is_string( $plain ) ) {
		return null;
	}
	$record = array(
		'received' => $now,
		'attempts' => 0,
		'next'     => $now + therapist_attachment_article_kept_backoff( 0 ),
		'email'    => therapist_attachment_article_kept_email_hash( $fields['email'] ),
		'nonce'    => base64_encode( $nonce ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- Binary in text.
		'box'      => base64_encode( sodium_crypto_secretbox( $plain, $nonce, therapist_attachment_article_kept_key() ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- Binary in text.
	);
	$id = bin2hex( random_bytes( 16 ) );
	if ( ! therapist_attachment_article_store()->insert( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX . $id, wp_json_encode( $record ) ) ) {
		return null;
	}
	therapist_attachment_article_kept_schedule();
	return $id;
}

/**
 * How long to wait before the next try, after `$attempts` tries: 5 minutes, 15 minutes, 1 hour,
 * 3 hours, 6 hours, then every 12 hours.
 *
 * @param int $attempts Tries so far.
 * @return int Seconds.
 */
function therapist_attachment_article_kept_backoff( $attempts ) {
	$steps = array( 5 * MINUTE_IN_SECONDS, 15 * MINUTE_IN_SECONDS, HOUR_IN_SECONDS, 3 * HOUR_IN_SECONDS, 6 * HOUR_IN_SECONDS );
	return isset( $steps[ $attempts ] ) ? $steps[ $attempts ] : 12 * HOUR_IN_SECONDS;
}

/**
 * The kept messages, oldest first, decrypted (a message whose key is lost has `fields` null).
 *
 * @return array<string, array{id: string, row: string, received: int, attempts: int, next: int, email: string, fields: array<string, string>|null}>
 */
function therapist_attachment_article_kept_all() {
	$kept = array();
	foreach ( therapist_attachment_article_store()->with_prefix( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX ) as $name => $value ) {
		$message = therapist_attachment_article_kept_read( $value );
		if ( null === $message ) {
			continue;
		}
		$message['id']         = substr( $name, strlen( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX ) );
		$kept[ $message['id'] ] = $message;
	}
	uasort(
		$kept,
		static function ( $a, $b ) {
			return $a['received'] - $b['received'];
		}
	);
	return $kept;
}

/**
 * Reads one kept message's row.
 *
 * @param string $value The row's value.
 * @return array|null
 */
function therapist_attachment_article_kept_read( $value ) {
	$record = json_decode( $value, true );
	if ( ! is_array( $record ) || ! isset( $record['received'], $record['nonce'], $record['box'] ) ) {
		return null;
	}
	$fields = null;
	$nonce  = base64_decode( (string) $record['nonce'], true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- Binary in text.
	$box    = base64_decode( (string) $record['box'], true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions -- Binary in text.
	if ( is_string( $nonce ) && is_string( $box ) && SODIUM_CRYPTO_SECRETBOX_NONCEBYTES === strlen( $nonce ) ) {
		try {
			$plain = sodium_crypto_secretbox_open( $box, $nonce, therapist_attachment_article_kept_key() );
		} catch ( Exception $e ) {
			$plain = false;
		}
		$decoded = is_string( $plain ) ? json_decode( $plain, true ) : null;
		if ( is_array( $decoded ) ) {
			$fields = array();
			foreach ( array( 'name', 'email', 'phone', 'message', 'page' ) as $key ) {
				$fields[ $key ] = isset( $decoded[ $key ] ) && is_string( $decoded[ $key ] ) ? $decoded[ $key ] : '';
			}
		}
	}
	return array(
		'row'      => $value,
		'received' => (int) $record['received'],
		'attempts' => isset( $record['attempts'] ) ? (int) $record['attempts'] : 0,
		'next'     => isset( $record['next'] ) ? (int) $record['next'] : 0,
		'email'    => isset( $record['email'] ) ? (string) $record['email'] : '',
		'fields'   => $fields,
	);
}

/**
 * How many messages are kept.
 *
 * @return int
 */
function therapist_attachment_article_kept_count() {
	return count( therapist_attachment_article_store()->with_prefix( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX ) );
}

/**
 * Tries to email one kept message now. Only one request can try a given message at a time: the
 * try is first recorded with a compare-and-set on the row, which a parallel request loses.
 *
 * @param string $id The kept message's id.
 * @return string `sent` (and deleted), `failed` (still kept), `busy` or `gone`.
 */
function therapist_attachment_article_kept_send( $id ) {
	$store   = therapist_attachment_article_store();
	$name    = THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX . $id;
	$value   = $store->get( $name );
	$message = null === $value ? null : therapist_attachment_article_kept_read( $value );
	if ( null === $message || null === $message['fields'] ) {
		return 'gone';
	}
	$record = json_decode( $value, true );
	if ( isset( $record['trying'] ) && (int) $record['trying'] > time() ) {
		return 'busy'; // Another request is emailing it right now.
	}
	$record['attempts'] = $message['attempts'] + 1;
	$record['next']     = time() + therapist_attachment_article_kept_backoff( $record['attempts'] );
	$record['trying']   = time() + THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL;
	$trying             = wp_json_encode( $record );
	if ( ! $store->replace( $name, $value, $trying ) ) {
		return 'busy';
	}
	$fields = $message['fields'];
	if ( therapist_attachment_article_contact_mail( $fields, $fields['page'], $message['received'] ) ) {
		$store->delete_if( $name, $trying );
		return 'sent';
	}
	$record['trying'] = 0;
	$store->replace( $name, $trying, wp_json_encode( $record ) );
	return 'failed';
}

/**
 * The WP-Cron retry: emails every kept message whose next try is due, then asks to be run
 * again when the next one is.
 */
function therapist_attachment_article_kept_retry() {
	foreach ( therapist_attachment_article_kept_all() as $id => $message ) {
		if ( $message['next'] <= time() ) {
			therapist_attachment_article_kept_send( $id );
		}
	}
	therapist_attachment_article_kept_expire();
	therapist_attachment_article_kept_schedule();
}

/**
 * Schedules the retry at the earliest next try of the kept messages (none when none are kept).
 */
function therapist_attachment_article_kept_schedule() {
	if ( ! function_exists( 'wp_schedule_single_event' ) ) {
		return;
	}
	$next = null;
	foreach ( therapist_attachment_article_kept_all() as $message ) {
		$next = null === $next ? $message['next'] : min( $next, $message['next'] );
	}
	$scheduled = wp_next_scheduled( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
	if ( null === $next ) {
		if ( $scheduled ) {
			wp_clear_scheduled_hook( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
		}
		return;
	}
	$next = max( time(), $next );
	if ( $scheduled && $scheduled <= $next ) {
		return;
	}
	wp_clear_scheduled_hook( THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
	wp_schedule_single_event( $next, THERAPIST_ATTACHMENT_ARTICLE_RETRY_EVENT );
}

/**
 * Deletes kept messages older than the retention period, and those whose key is lost.
 */
function therapist_attachment_article_kept_expire() {
	$days   = therapist_attachment_article_settings()['keep_days'];
	$before = time() - $days * DAY_IN_SECONDS;
	foreach ( therapist_attachment_article_store()->with_prefix( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX ) as $name => $value ) {
		$message = therapist_attachment_article_kept_read( $value );
		if ( null === $message || $message['received'] < $before ) {
			therapist_attachment_article_store()->delete_if( $name, $value );
		}
	}
}

/**
 * Deletes one kept message.
 *
 * @param string $id The kept message's id.
 * @return bool Whether it was there.
 */
function therapist_attachment_article_kept_delete( $id ) {
	return therapist_attachment_article_store()->delete( THERAPIST_ATTACHMENT_ARTICLE_KEPT_PREFIX . $id );
}
