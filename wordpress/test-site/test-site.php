<?php
/**
 * Plugin Name: civic-comments test site
 * Description: What the test site changes from WordPress's defaults: every test comment comes from
 * 127.0.0.1, so WordPress's 15-second flood check between comments, and the plugin's limit per
 * address, are off (except for requests with an `X-Test-Flood-Check` header, which test them), and no mail is sent, since the site has no
 * mail server, and WordPress's emoji script, which fetches from s.w.org, is not printed, since the
 * site has no network. And Tools → Export and Erase Personal Data as a REST route for the tests,
 * running every registered exporter or eraser page by page, in order, as WordPress does.
 */
// A test that checks limits by address says which address it comes from, so that other tests' comments from 127.0.0.1 do not count.
if ( ! empty( $_SERVER['HTTP_X_TEST_CLIENT_ADDRESS'] ) && filter_var( $_SERVER['HTTP_X_TEST_CLIENT_ADDRESS'], FILTER_VALIDATE_IP ) ) {
	$_SERVER['REMOTE_ADDR'] = $_SERVER['HTTP_X_TEST_CLIENT_ADDRESS'];
}
if ( empty( $_SERVER['HTTP_X_TEST_FLOOD_CHECK'] ) ) {
	add_filter( 'comment_flood_filter', '__return_false' );
	add_filter( 'civic_comments_responses_per_address', '__return_zero' );
}
add_filter( 'pre_wp_mail', '__return_false' );
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'civic-test/v1',
			'/privacy',
			array(
				'methods'             => 'POST',
				'permission_callback' => fn() => current_user_can( 'manage_options' ),
				'callback'            => function ( WP_REST_Request $request ) {
					$kind    = 'export' === $request['action'] ? 'exporters' : 'erasers';
					$results = array();
					foreach ( apply_filters( "wp_privacy_personal_data_$kind", array() ) as $name => $one ) {
						$page = 1;
						do {
							$result           = call_user_func( $one['callback'], (string) $request['email'], $page++ );
							$results[ $name ][] = $result;
						} while ( empty( $result['done'] ) && $page < 50 );
					}
					return $results;
				},
			)
		);
	}
);
