<?php
/**
 * civic-comments: Tools → Export and Erase Personal Data: the plugin's fields in both.
 */

defined( 'ABSPATH' ) || exit;

/** Responses handled per call of the exporter or the eraser, as WordPress pages them. */
const CIVIC_PRIVACY_PAGE = 100;

/** A page of the ids of consultation responses sent with an email address, private ones included, by plain SQL past every query filter. */
function civic_responses_of( string $email, int $page ): array {
	global $wpdb;
	return array_map(
		'intval',
		$wpdb->get_col(
			$wpdb->prepare(
				"SELECT comment_ID FROM $wpdb->comments WHERE comment_author_email = %s AND comment_post_ID IN (" . civic_consultation_posts_sql() . ') ORDER BY comment_ID LIMIT %d OFFSET %d',
				$email,
				CIVIC_PRIVACY_PAGE,
				( max( 1, $page ) - 1 ) * CIVIC_PRIVACY_PAGE
			)
		)
	);
}

/**
 * The plugin's fields of each consultation response sent with the email address: WordPress's own
 * exporter gives the comment (name, email, address, text); this gives its section, who it was sent
 * for and how it was to be published.
 */
function civic_privacy_export( string $email, int $page = 1 ): array {
	$items = array();
	$ids   = civic_responses_of( $email, $page );
	foreach ( $ids as $id ) {
		$data = array();
		foreach ( CIVIC_FIELDS as $field => $rule ) {
			$value = get_comment_meta( $id, $rule['meta'], true );
			if ( '' !== $value ) {
				$data[] = array( 'name' => ucfirst( $field ), 'value' => $value );
			}
		}
		$items[] = array(
			'group_id'    => 'civic-comments',
			'group_label' => __( 'Consultation responses', 'civic-comments' ),
			'item_id'     => "civic-comment-$id",
			'data'        => $data,
		);
	}
	return array( 'data' => $items, 'done' => count( $ids ) < CIVIC_PRIVACY_PAGE );
}

/**
 * Erases what the plugin keeps that names a person: the organisation a response was sent for.
 * WordPress's own comment eraser then anonymises the name, email and address; this one runs first,
 * while the email still finds the responses.
 */
function civic_privacy_erase( string $email, int $page = 1 ): array {
	$ids     = civic_responses_of( $email, $page );
	$removed = false;
	foreach ( $ids as $id ) {
		$removed = delete_comment_meta( $id, 'civic_organisation' ) || $removed;
	}
	return array( 'items_removed' => $removed, 'items_retained' => false, 'messages' => array(), 'done' => count( $ids ) < CIVIC_PRIVACY_PAGE );
}

add_filter(
	'wp_privacy_personal_data_exporters',
	function ( array $exporters ): array {
		$exporters['civic-comments'] = array( 'exporter_friendly_name' => __( 'Consultation responses', 'civic-comments' ), 'callback' => 'civic_privacy_export' );
		return $exporters;
	}
);
// Before WordPress's own comment eraser (priority 10), which empties the email this one looks by.
add_filter(
	'wp_privacy_personal_data_erasers',
	function ( array $erasers ): array {
		return array( 'civic-comments' => array( 'eraser_friendly_name' => __( 'Consultation responses', 'civic-comments' ), 'callback' => 'civic_privacy_erase' ) ) + $erasers;
	},
	1
);
