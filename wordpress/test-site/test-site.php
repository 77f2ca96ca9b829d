<?php
/**
 * Plugin Name: civic-comments test site
 * Description: What the test site changes from WordPress's defaults: every test comment comes from
 * 127.0.0.1, so WordPress's 15-second flood check between comments is off (except for requests
 * with an `X-Test-Flood-Check` header, which test it), and no mail is sent, since the site has no
 * mail server, and WordPress's emoji script, which fetches from s.w.org, is not printed, since the
 * site has no network.
 */
if ( empty( $_SERVER['HTTP_X_TEST_FLOOD_CHECK'] ) ) {
	add_filter( 'comment_flood_filter', '__return_false' );
}
add_filter( 'pre_wp_mail', '__return_false' );
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
