<?php
/**
 * civic-comments: wp-admin: the Comments screen's Section column and filter, and the script tag in Settings → Discussion.
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'manage_edit-comments_columns', fn( array $columns ) => array_merge( $columns, array( 'civic_section' => __( 'Section', 'civic-comments' ) ) ) );
add_action(
	'manage_comments_custom_column',
	function ( string $column, $id ) {
		if ( 'civic_section' !== $column ) {
			return;
		}
		$section = get_comment_meta( $id, 'civic_section', true );
		if ( '' === $section ) {
			return;
		}
		$url = add_query_arg( 'civic_section', rawurlencode( $section ), admin_url( 'edit-comments.php' ) );
		printf( '<a href="%s">%s</a>', esc_url( $url ), esc_html( $section ) );
		$visibility = get_comment_meta( $id, 'civic_visibility', true );
		$labels     = array(
			'anonymous' => __( 'Published without a name', 'civic-comments' ),
			'private'   => __( 'Private: for the department only', 'civic-comments' ),
		);
		if ( isset( $labels[ $visibility ] ) ) {
			printf( '<br><em>%s</em>', esc_html( $labels[ $visibility ] ) );
		}
	},
	10,
	2
);
add_action(
	'restrict_manage_comments',
	function () {
		$current = isset( $_GET['civic_section'] ) ? sanitize_text_field( wp_unslash( $_GET['civic_section'] ) ) : '';
		printf(
			'<label class="screen-reader-text" for="civic-section-filter">%1$s</label><input type="search" id="civic-section-filter" name="civic_section" value="%2$s" placeholder="%1$s">',
			esc_attr__( 'Filter by section', 'civic-comments' ),
			esc_attr( $current )
		);
	}
);
add_filter(
	'comments_list_table_query_args',
	function ( array $args ) {
		if ( ! empty( $_GET['civic_section'] ) ) {
			$args['meta_query'] = array( array( 'key' => 'civic_section', 'value' => sanitize_text_field( wp_unslash( $_GET['civic_section'] ) ) ) );
		}
		return $args;
	}
);

// ---- Settings → Discussion: the script tag, printed by the plugin -------------------------------

add_action(
	'admin_init',
	function () {
		register_setting( 'discussion', 'civic_comments_print_script', array( 'type' => 'string', 'sanitize_callback' => fn( $value ) => $value ? '1' : '0' ) );
		register_setting( 'discussion', 'civic_comments_script_url', array( 'type' => 'string', 'sanitize_callback' => 'esc_url_raw' ) );
		register_setting( 'discussion', 'civic_comments_sections', array( 'type' => 'string', 'sanitize_callback' => 'sanitize_text_field', 'default' => '.entry-content h2' ) );
		add_settings_section( 'civic_comments', __( 'Consultation responses', 'civic-comments' ), '__return_null', 'discussion' );
		add_settings_field(
			'civic_comments_print_script',
			__( 'Script tag', 'civic-comments' ),
			fn() => printf(
				'<label><input type="checkbox" name="civic_comments_print_script" value="1" %s> %s</label>',
				checked( get_option( 'civic_comments_print_script' ), '1', false ),
				esc_html__( 'Add the civic-comments script to consultation posts', 'civic-comments' )
			),
			'discussion',
			'civic_comments'
		);
		add_settings_field(
			'civic_comments_script_url',
			__( 'Script address', 'civic-comments' ),
			fn() => printf( '<input type="url" class="regular-text code" name="civic_comments_script_url" id="civic_comments_script_url" value="%s">', esc_attr( get_option( 'civic_comments_script_url' ) ) ),
			'discussion',
			'civic_comments',
			array( 'label_for' => 'civic_comments_script_url' )
		);
		add_settings_field(
			'civic_comments_sections',
			__( 'Headings that start sections', 'civic-comments' ),
			fn() => printf( '<input type="text" class="regular-text code" name="civic_comments_sections" id="civic_comments_sections" value="%s">', esc_attr( get_option( 'civic_comments_sections', '.entry-content h2' ) ) ),
			'discussion',
			'civic_comments',
			array( 'label_for' => 'civic_comments_sections' )
		);
	}
);

// The script tag on a consultation post: the wordpress backend, this site, this post, its headings.
add_action(
	'wp_footer',
	function () {
		$url = get_option( 'civic_comments_script_url' );
		if ( ! is_singular() || ! civic_is_consultation( get_queried_object_id() ) || '1' !== get_option( 'civic_comments_print_script' ) || ! $url ) {
			return;
		}
		printf(
			'<script type="module" src="%s" data-backend="wordpress" data-endpoint="%s" data-page="%d" data-sections="%s"></script>' . "\n",
			esc_url( $url ),
			esc_url( home_url( '/' ) ),
			(int) get_queried_object_id(),
			esc_attr( get_option( 'civic_comments_sections', '.entry-content h2' ) ?: '.entry-content h2' )
		);
	}
);
