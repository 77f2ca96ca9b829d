<?php
/**
 * civic-comments: The consultation switch on posts and pages, and the fields it keeps.
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		foreach ( array( 'post', 'page' ) as $type ) {
			foreach ( array( 'civic_comments', 'civic_ask_organisation' ) as $key ) {
				register_post_meta(
					$type,
					$key,
					array(
						'type'          => 'string',
						'single'        => true,
						'show_in_rest'  => true,
						'auth_callback' => fn( $allowed, $meta_key, $post_id ) => current_user_can( 'edit_post', $post_id ),
					)
				);
			}
		}
		foreach ( CIVIC_FIELDS as $field ) {
			// Kept out of the REST API's `meta`: the `civic` field sends what the public may see.
			register_meta( 'comment', $field['meta'], array( 'type' => 'string', 'single' => true, 'show_in_rest' => false ) );
		}
	}
);

add_action(
	'add_meta_boxes',
	function () {
		add_meta_box( 'civic-comments', __( 'Consultation responses', 'civic-comments' ), 'civic_meta_box', array( 'post', 'page' ), 'side' );
	}
);

function civic_meta_box( WP_Post $post ): void {
	wp_nonce_field( 'civic_comments_post', 'civic_comments_nonce' );
	$boxes = array(
		'civic_comments'         => __( 'Take responses section by section', 'civic-comments' ),
		'civic_ask_organisation' => __( 'Ask whether a response comes from an organisation', 'civic-comments' ),
	);
	foreach ( $boxes as $key => $label ) {
		printf(
			'<p><label><input type="checkbox" name="%1$s" value="1" %2$s> %3$s</label></p>',
			esc_attr( $key ),
			checked( get_post_meta( $post->ID, $key, true ), '1', false ),
			esc_html( $label )
		);
	}
	echo '<p class="description">' . esc_html__( 'Open and close responses with "Allow comments" in the Discussion box.', 'civic-comments' ) . '</p>';
}

add_action(
	'save_post',
	function ( int $post_id ) {
		if ( ! isset( $_POST['civic_comments_nonce'] ) || ! wp_verify_nonce( sanitize_key( $_POST['civic_comments_nonce'] ), 'civic_comments_post' ) ) {
			return;
		}
		if ( ! current_user_can( 'edit_post', $post_id ) || wp_is_post_autosave( $post_id ) ) {
			return;
		}
		foreach ( array( 'civic_comments', 'civic_ask_organisation' ) as $key ) {
			update_post_meta( $post_id, $key, empty( $_POST[ $key ] ) ? '0' : '1' );
		}
	}
);
