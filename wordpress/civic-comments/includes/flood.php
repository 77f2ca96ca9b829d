<?php
/**
 * civic-comments: The flood check: by reader, and a roomier limit by address.
 */

defined( 'ABSPATH' ) || exit;

/*
 * WordPress refuses a comment sent within 15 seconds of another from the same IP address or email
 * address. Many readers of a consultation share an address (an office, a mobile network), so a
 * consultation response is checked against the same reader's last comment (by email address, or by
 * account when signed in), and against a limit per address that an office's readers stay well under
 * but that one sender inventing an email address per response soon reaches.
 */
add_filter(
	'rest_preprocess_comment',
	function ( $prepared, WP_REST_Request $request ) {
		if ( civic_creating( $request ) ) {
			// WordPress adds its own check as the comment is checked (`check_comment_flood_db`): ours takes its place.
			remove_action( 'check_comment_flood', 'check_comment_flood_db' );
			remove_filter( 'wp_is_comment_flood', 'wp_check_comment_flood' );
			add_filter( 'wp_is_comment_flood', 'civic_reader_flood', 10, 4 );
		}
		return $prepared;
	},
	10,
	2
);

/** Whether the reader sent a comment too short a time ago, as WordPress decides it, but by reader. */
function civic_reader_flood( $is_flood, string $ip, string $email, string $date ): bool {
	global $wpdb;
	if ( true === $is_flood ) {
		return true;
	}
	if ( civic_can_moderate() || current_user_can( 'manage_options' ) ) {
		return false;
	}
	$user = get_current_user_id();
	// Without an account or an email address, the address is all there is to go by.
	list( $column, $value ) = $user ? array( 'user_id', $user ) : ( '' !== $email ? array( 'comment_author_email', $email ) : array( 'comment_author_IP', $ip ) );
	$last = $wpdb->get_var(
		$wpdb->prepare(
			"SELECT comment_date_gmt FROM $wpdb->comments WHERE comment_date_gmt >= %s AND $column = %s ORDER BY comment_date_gmt DESC LIMIT 1",
			gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ),
			$value
		)
	);
	if ( $last && apply_filters( 'comment_flood_filter', false, mysql2date( 'U', $last, false ), mysql2date( 'U', $date, false ) ) ) {
		return true;
	}
	// A new email address for each response must not lift the limit: one address (shared by an
	// office, at most) may send `civic_comments_responses_per_address` responses a minute (default 10).
	$per_minute = (int) apply_filters( 'civic_comments_responses_per_address', 10 );
	if ( $per_minute <= 0 || '' === $ip ) {
		return false;
	}
	$recent = (int) $wpdb->get_var(
		$wpdb->prepare(
			"SELECT COUNT(*) FROM $wpdb->comments WHERE comment_author_IP = %s AND comment_date_gmt >= %s",
			$ip,
			gmdate( 'Y-m-d H:i:s', time() - MINUTE_IN_SECONDS )
		)
	);
	return $recent >= $per_minute;
}
