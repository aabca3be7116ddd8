<?php
/**
 * Claims and counters: each message is sent exactly once, and only so many per address and per
 * site. Both live in the plugin's store (store.php), whose operations the database makes atomic,
 * so parallel requests can neither send one message twice nor both take a limit's last place,
 * with or without an object cache.
 *
 * - A claim (`taa_claim_<hash of the submission id>`) is bound to a hash of the message: the
 *   same id with other text is refused, never answered "sent" for a message nobody received.
 *   While it is being sent the claim says so for THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL,
 *   longer than any mail timeout, then records the outcome (`sent`, or `kept` when mail failed
 *   and the message is kept for the practice) for 24 hours, so a retry is answered the same.
 * - A counter (`taa_count_<end of its window>_<what it counts>`) counts in a fixed window, and
 *   is deleted once its window is over: at the next message, or by WP-Cron at the window's end.
 *
 * No row holds anything a visitor wrote; hashes are keyed (therapist_attachment_article_contact_hash()).
 *
 * @package TherapistAttachmentArticle
 */

defined( 'ABSPATH' ) || exit;

/** How long a claim's outcome is remembered, in seconds. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL = DAY_IN_SECONDS;

/**
 * How long a message is marked as being sent: longer than any mail server takes (PHPMailer's
 * SMTP timeout is 300 s per command, PHP's own limit on a request is usually 30 to 300 s), so a
 * retry never sends a message whose first attempt is still waiting on a slow server. A request
 * that died mid-send blocks its retry for this long at most.
 */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL = 15 * MINUTE_IN_SECONDS;

/** Messages per hour from all visitors together, unless filtered. */
const THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SITE_LIMIT = 50;

/** The WP-Cron event that deletes counters and claims whose time is over. */
const THERAPIST_ATTACHMENT_ARTICLE_CLEANUP_EVENT = 'therapist_attachment_article_cleanup';

/**
 * A keyed hash (HMAC-SHA-256, 32 hex characters) of something a visitor sent, so that no row
 * holds the thing itself. The key is therapist_attachment_article_secret()'s.
 *
 * @param string $text What to hash, with a word saying what it is (`ip …`, `id …`).
 * @return string
 */
function therapist_attachment_article_contact_hash( $text ) {
	return substr( hash_hmac( 'sha256', $text, therapist_attachment_article_secret()['secret'] ), 0, 32 );
}

/**
 * The name that remembers a submission id.
 *
 * @param string $id The submission id.
 * @return string
 */
function therapist_attachment_article_contact_id_key( $id ) {
	return 'taa_claim_' . therapist_attachment_article_contact_hash( 'id ' . $id );
}

/**
 * A hash of the message itself (the fields that are mailed), which a claim is bound to.
 *
 * @param array<string, string> $fields The checked fields.
 * @return string
 */
function therapist_attachment_article_contact_message_hash( $fields ) {
	$text = array();
	foreach ( array( 'name', 'email', 'phone', 'message' ) as $name ) {
		$text[] = isset( $fields[ $name ] ) ? (string) $fields[ $name ] : '';
	}
	return therapist_attachment_article_contact_hash( 'message ' . wp_json_encode( $text ) );
}

/**
 * Claims a submission id for a message, unless it is or was claimed.
 *
 * @param string $key  therapist_attachment_article_contact_id_key().
 * @param string $hash therapist_attachment_article_contact_message_hash().
 * @return array{state: string, value: string} `state`: `claimed` (go ahead; `value` is the
 *         claim, for therapist_attachment_article_contact_settle()), `sending`, `sent`, `kept`,
 *         or `other` (the id belongs to another message).
 */
function therapist_attachment_article_contact_claim( $key, $hash ) {
	$store = therapist_attachment_article_store();
	$mine  = 'sending ' . $hash . ' ' . ( time() + THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SENDING_TTL );
	for ( $attempt = 0; $attempt < 2; $attempt++ ) {
		if ( $store->insert( $key, $mine ) ) {
			return array(
				'state' => 'claimed',
				'value' => $mine,
			);
		}
		$seen = $store->get( $key );
		if ( null === $seen ) {
			continue; // Deleted in between (a failed attempt let go of it): try again.
		}
		$parts = explode( ' ', $seen );
		$state = isset( $parts[0] ) ? $parts[0] : '';
		$until = isset( $parts[2] ) ? (int) $parts[2] : 0;
		if ( ! isset( $parts[1] ) || ! hash_equals( $parts[1], $hash ) ) {
			return array(
				'state' => 'other',
				'value' => '',
			);
		}
		if ( 'sending' === $state && $until < time() && $store->replace( $key, $seen, $mine ) ) {
			// The attempt that marked it died long ago: this one takes over, and only this one.
			return array(
				'state' => 'claimed',
				'value' => $mine,
			);
		}
		return array(
			'state' => in_array( $state, array( 'sent', 'kept' ), true ) ? $state : 'sending',
			'value' => '',
		);
	}
	return array(
		'state' => 'sending',
		'value' => '',
	);
}

/**
 * Records what became of a claimed message (`sent` or `kept`), or lets go of the claim (null),
 * so that a retry may try again.
 *
 * @param string      $key   therapist_attachment_article_contact_id_key().
 * @param string      $value The claim, from therapist_attachment_article_contact_claim().
 * @param string|null $state `sent`, `kept` or null.
 */
function therapist_attachment_article_contact_settle( $key, $value, $state ) {
	$store = therapist_attachment_article_store();
	if ( null === $state ) {
		$store->delete_if( $key, $value );
		return;
	}
	$parts = explode( ' ', $value );
	$store->replace( $key, $value, $state . ' ' . $parts[1] . ' ' . ( time() + THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL ) );
	therapist_attachment_article_schedule_cleanup( time() + THERAPIST_ATTACHMENT_ARTICLE_CONTACT_ID_TTL + 1 );
}

/**
 * The name under which all messages of the site are counted.
 *
 * @return string
 */
function therapist_attachment_article_contact_site_key() {
	return 'site';
}

/**
 * The name under which one address's messages are counted (a window number is added to it).
 * An IPv6 visitor commonly holds a whole /64 network, so IPv6 addresses count per /64; IPv4
 * addresses (also when written as IPv6) count one by one. Only a keyed hash is stored, never
 * the address.
 *
 * @param string $ip An IP address ('' or anything else counts as one unknown address).
 * @return string
 */
function therapist_attachment_article_contact_ip_key( $ip ) {
	$bucket = 'unknown';
	if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) ) {
		$bucket = $ip;
	} elseif ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
		$packed = inet_pton( $ip );
		if ( str_repeat( "\0", 10 ) . "\xff\xff" === substr( $packed, 0, 12 ) ) {
			$bucket = inet_ntop( substr( $packed, 12 ) ); // ::ffff:192.0.2.1 is 192.0.2.1.
		} else {
			$bucket = bin2hex( substr( $packed, 0, 8 ) ) . '::/64';
		}
	}
	return 'ip_' . therapist_attachment_article_contact_hash( 'ip ' . $bucket );
}

/**
 * The rate limit: how many messages one address may send, and in how many seconds.
 *
 * @return array{limit: int, window: int}
 */
function therapist_attachment_article_contact_rate_limit() {
	/**
	 * Filters the contact form's rate limit: `limit` messages per address every `window`
	 * seconds. Default: 5 every 10 minutes. A limit of 0 turns the rate limit off.
	 *
	 * @param array{limit: int, window: int} $rate The limit.
	 */
	$rate = apply_filters(
		'therapist_attachment_article_contact_rate_limit',
		array(
			'limit'  => 5,
			'window' => 10 * MINUTE_IN_SECONDS,
		)
	);
	return array(
		'limit'  => isset( $rate['limit'] ) ? max( 0, (int) $rate['limit'] ) : 5,
		'window' => isset( $rate['window'] ) ? max( 1, (int) $rate['window'] ) : 10 * MINUTE_IN_SECONDS,
	);
}

/**
 * The site's ceiling: how many messages all visitors together may send per hour.
 *
 * @return int 0 when there is none.
 */
function therapist_attachment_article_contact_site_limit() {
	/**
	 * Filters how many messages the contact form may send per hour from all visitors together,
	 * on top of the limit per address: a flood from many addresses stops there. Default: 50.
	 * 0 turns the ceiling off.
	 *
	 * @param int $limit Messages per hour.
	 */
	return max( 0, (int) apply_filters( 'therapist_attachment_article_contact_site_limit', THERAPIST_ATTACHMENT_ARTICLE_CONTACT_SITE_LIMIT ) );
}

/**
 * A counter's row: its window's end (fixed width, so that names sort by time) and what it counts.
 *
 * @param string $name What it counts (therapist_attachment_article_contact_ip_key(), …_site_key()).
 * @param int    $end  When its window ends (Unix time).
 * @return string
 */
function therapist_attachment_article_contact_counter_key( $name, $end ) {
	return 'taa_count_' . sprintf( '%010d', $end ) . '_' . $name;
}

/**
 * Counts a message in a fixed window (`window` seconds, counted from the Unix epoch: 10:00 to
 * 10:10, 10:10 to 10:20 …), unless the window is full. Counters of windows that are over are
 * deleted first.
 *
 * @param string $name   What it counts.
 * @param int    $limit  Messages per window; 0 counts nothing and lets everything through.
 * @param int    $window Seconds.
 * @return array{wait: int, key: string|null} `wait` 0 when counted (go ahead), with `key` the
 *         counter's row; otherwise `wait` is the seconds until the window ends.
 */
function therapist_attachment_article_contact_count_in( $name, $limit, $window ) {
	if ( $limit <= 0 ) {
		return array(
			'wait' => 0,
			'key'  => null,
		);
	}
	$now = time();
	$end = ( intdiv( $now, $window ) + 1 ) * $window;
	$key = therapist_attachment_article_contact_counter_key( $name, $end );
	therapist_attachment_article_contact_forget_old_counters();
	if ( ! therapist_attachment_article_store()->increment_below( $key, $limit ) ) {
		return array(
			'wait' => max( 1, $end - $now ),
			'key'  => null,
		);
	}
	therapist_attachment_article_schedule_cleanup( $end );
	return array(
		'wait' => 0,
		'key'  => $key,
	);
}

/**
 * A counter's value now (0 when absent).
 *
 * @param string $name   What it counts.
 * @param int    $window Seconds.
 * @return int
 */
function therapist_attachment_article_contact_count( $name, $window ) {
	$value = therapist_attachment_article_store()->get( therapist_attachment_article_contact_counter_key( $name, ( intdiv( time(), $window ) + 1 ) * $window ) );
	return null === $value ? 0 : (int) $value;
}

/** Deletes the counters whose window is over. */
function therapist_attachment_article_contact_forget_old_counters() {
	therapist_attachment_article_store()->delete_before( 'taa_count_', therapist_attachment_article_contact_counter_key( '', time() + 1 ) );
}

/**
 * Asks WP-Cron to clean up at a time (once per time; WordPress itself refuses a second event of
 * the same hook within 10 minutes of another).
 *
 * @param int $when Unix time.
 */
function therapist_attachment_article_schedule_cleanup( $when ) {
	if ( function_exists( 'wp_schedule_single_event' ) && ! wp_next_scheduled( THERAPIST_ATTACHMENT_ARTICLE_CLEANUP_EVENT, array( (int) $when ) ) ) {
		wp_schedule_single_event( (int) $when, THERAPIST_ATTACHMENT_ARTICLE_CLEANUP_EVENT, array( (int) $when ) );
	}
}

/**
 * The WP-Cron clean-up: counters whose window is over, claims whose time is over, and kept
 * messages past their retention period.
 */
function therapist_attachment_article_cleanup() {
	therapist_attachment_article_contact_forget_old_counters();
	$store = therapist_attachment_article_store();
	foreach ( $store->with_prefix( 'taa_claim_' ) as $key => $value ) {
		$parts = explode( ' ', $value );
		if ( ! isset( $parts[2] ) || (int) $parts[2] < time() ) {
			$store->delete_if( $key, $value );
		}
	}
	if ( function_exists( 'therapist_attachment_article_kept_expire' ) ) {
		therapist_attachment_article_kept_expire();
	}
}

/**
 * Takes back a message counted by therapist_attachment_article_contact_count_in() that will
 * not be sent after all.
 *
 * @param string $key The counter's row.
 */
function therapist_attachment_article_contact_uncount( $key ) {
	therapist_attachment_article_store()->decrement( $key );
}

/**
 * The rate limits, per address and then per site, for a message about to be sent.
 *
 * @return array{status: string, wait: int, key: string|null} `status` `ok` (counted: `key` is
 *         the address's counter, to take back if need be), `address` (this address sent too
 *         many) or `site` (the site's ceiling is reached); `wait` in seconds.
 */
function therapist_attachment_article_contact_limits() {
	$rate    = therapist_attachment_article_contact_rate_limit();
	$address = therapist_attachment_article_contact_count_in(
		therapist_attachment_article_contact_ip_key( therapist_attachment_article_contact_client_ip() ),
		$rate['limit'],
		$rate['window']
	);
	if ( $address['wait'] > 0 ) {
		return array(
			'status' => 'address',
			'wait'   => $address['wait'],
			'key'    => null,
		);
	}
	$site = therapist_attachment_article_contact_count_in( therapist_attachment_article_contact_site_key(), therapist_attachment_article_contact_site_limit(), HOUR_IN_SECONDS );
	if ( $site['wait'] > 0 ) {
		// The address's count was for a message that will not be sent.
		if ( null !== $address['key'] ) {
			therapist_attachment_article_contact_uncount( $address['key'] );
		}
		therapist_attachment_article_ceiling_reached();
		return array(
			'status' => 'site',
			'wait'   => $site['wait'],
			'key'    => null,
		);
	}
	return array(
		'status' => 'ok',
		'wait'   => 0,
		'key'    => $address['key'],
	);
}

/**
 * Whether the site's ceiling is reached this hour (the article then shows the call-to-action
 * link instead of the form).
 *
 * @return bool
 */
function therapist_attachment_article_contact_ceiling_is_reached() {
	$limit = therapist_attachment_article_contact_site_limit();
	return $limit > 0 && therapist_attachment_article_contact_count( therapist_attachment_article_contact_site_key(), HOUR_IN_SECONDS ) >= $limit;
}
