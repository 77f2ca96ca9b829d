<?php
/**
 * Plugin Name:       civic-comments
 * Description:       Section-by-section responses to consultation posts, stored as WordPress comments: the companion of the civic-comments elements' `wordpress` backend.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       civic-comments
 *
 * What it adds to WordPress, on posts and pages where "Consultation responses" is ticked:
 * - anonymous comments through the REST API (`/wp-json/wp/v2/comments`), which WordPress turns off;
 * - each comment's section, visibility (public, anonymous, private), respondent type,
 *   organisation and language, kept as comment meta and sent in the comment's `civic` field only
 *   as far as the public may see it;
 * - private responses kept as comments of their own type, `civic_private`, which no
 *   unauthenticated request ever receives, and no email or avatar (which hashes the email) in any
 *   answer to one;
 * - reader text kept as text: stored escaped, so that WordPress's screens show it as typed, and
 *   sent back exactly as typed;
 * - `GET /wp-json/civic-comments/v1/counts?page=<id or slug>`: every section's published count;
 * - `Idempotency-Key`: a retried comment is stored once;
 * - the consultation's window: WordPress's "close comments" settings, refused in the same shape as
 *   the civic-comments server's closed consultation;
 * - a Section column and filter in the Comments screen;
 * - consultation responses kept out of comment feeds and out of the public's comment searches
 *   (which look in emails and IP addresses), and a limit on responses per address a minute;
 * - the plugin's fields in WordPress's personal data export and erasure;
 * - optionally, the script tag itself (Settings → Discussion), so a theme needs no edit.
 */

defined( 'ABSPATH' ) || exit;

/** The comment type of private responses: for the department only. */
const CIVIC_PRIVATE_TYPE = 'civic_private';

/** The comment meta each response carries, with the values allowed where there is a choice. */
const CIVIC_FIELDS = array(
	'section'      => array( 'meta' => 'civic_section', 'max' => 200 ),
	'visibility'   => array( 'meta' => 'civic_visibility', 'enum' => array( 'public', 'anonymous', 'private' ) ),
	'respondent'   => array( 'meta' => 'civic_respondent', 'enum' => array( 'individual', 'organisation' ) ),
	'organisation' => array( 'meta' => 'civic_organisation', 'max' => 200 ),
	'lang'         => array( 'meta' => 'civic_lang', 'enum' => array( 'en', 'cy' ) ),
);

/**
 * The plugin's words in Welsh, used where the reader asks for Welsh first (`Accept-Language`, as the
 * civic-comments server does) or the site or user speaks Welsh (`cy`): one array, no language pack.
 * Written from the package's Welsh (src/i18n/cy/wordpress.ts) by `npm run strings`; edit it there.
 */
const CIVIC_WELSH = array(
	'Consultation responses'                                                                              => 'Ymatebion i’r ymgynghoriad',
	'Take responses section by section'                                                                   => 'Derbyn ymatebion fesul adran',
	'Ask whether a response comes from an organisation'                                                   => 'Gofyn a yw ymateb yn dod gan sefydliad',
	'Open and close responses with "Allow comments" in the Discussion box.'                               => 'Agorwch a chaewch ymatebion gyda “Caniatáu sylwadau” yn y blwch Trafodaeth.',
	'The response on a consultation post: its section, visibility and respondent, and its text as typed.' => 'Yr ymateb i bost ymgynghori: ei adran, ei welededd a’i ymatebydd, a’i destun fel y’i teipiwyd.',
	'This consultation has closed. Responses can no longer be sent.'                                      => 'Mae’r ymgynghoriad hwn wedi cau. Ni ellir anfon ymatebion mwyach.',
	'This response is still being sent. Try again in a moment.'                                           => 'Mae’r ymateb hwn yn dal i gael ei anfon. Rhowch gynnig arall arni mewn eiliad.',
	'A response needs the section it answers.'                                                            => 'Mae angen i ymateb nodi’r adran y mae’n ei hateb.',
	'Anonymous'                                                                                           => 'Dienw',
	'Limit the list to one section of a consultation post.'                                               => 'Cyfyngu’r rhestr i un adran o bost ymgynghori.',
	'There is no published post with that id or slug.'                                                    => 'Nid oes post cyhoeddedig gyda’r rhif neu’r slug hwnnw.',
	'Section'                                                                                             => 'Adran',
	'Published without a name'                                                                            => 'Wedi’i gyhoeddi heb enw',
	'Private: for the department only'                                                                    => 'Preifat: i’r corff cyhoeddus yn unig',
	'Filter by section'                                                                                   => 'Hidlo yn ôl adran',
	'Script tag'                                                                                          => 'Tag sgript',
	'Add the civic-comments script to consultation posts'                                                 => 'Ychwanegu sgript civic-comments at byst ymgynghori',
	'Script address'                                                                                      => 'Cyfeiriad y sgript',
	'Headings that start sections'                                                                        => 'Penawdau sy’n dechrau adrannau',
);

add_filter(
	'gettext_civic-comments',
	function ( string $translation, string $text ) {
		$asked  = strtolower( substr( trim( $_SERVER['HTTP_ACCEPT_LANGUAGE'] ?? '' ), 0, 2 ) );
		$welsh  = defined( 'REST_REQUEST' ) && REST_REQUEST && '' !== $asked ? 'cy' === $asked : str_starts_with( determine_locale(), 'cy' );
		return $welsh && isset( CIVIC_WELSH[ $text ] ) ? CIVIC_WELSH[ $text ] : $translation;
	},
	10,
	2
);

/** Whether a post takes consultation responses (its "Consultation responses" box is ticked). */
function civic_is_consultation( $post ): bool {
	$post = get_post( $post );
	return $post && '1' === get_post_meta( $post->ID, 'civic_comments', true );
}

/** Whether the current request may see everything: a signed-in moderator, with a cookie and nonce or an application password. */
function civic_can_moderate(): bool {
	return current_user_can( 'moderate_comments' );
}

/** The post a `page` names: its id, or its slug among posts and pages. */
function civic_post_for_page( string $page ): ?WP_Post {
	if ( ctype_digit( $page ) ) {
		return get_post( (int) $page );
	}
	$found = get_posts(
		array(
			'name'        => sanitize_title( $page ),
			'post_type'   => array( 'post', 'page' ),
			'post_status' => 'publish',
			'numberposts' => 1,
		)
	);
	return $found[0] ?? null;
}

/** When a post stops taking comments under "Automatically close comments on posts older than N days", if it does. */
function civic_closes_at( WP_Post $post ): ?string {
	if ( ! get_option( 'close_comments_for_old_posts' ) ) {
		return null;
	}
	$days = (int) get_option( 'close_comments_days_old' );
	return gmdate( 'Y-m-d\TH:i:s\Z', strtotime( $post->post_date_gmt . ' UTC' ) + $days * DAY_IN_SECONDS );
}

/** The comment's text as its writer typed it (stored escaped: see `rest_pre_insert_comment` below); HTML written in wp-admin loses its tags. */
function civic_text( WP_Comment $comment ): string {
	return html_entity_decode( wp_strip_all_tags( $comment->comment_content ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
}

// The plugin's parts, each in a file of its own.
require_once __DIR__ . '/includes/posts.php';
require_once __DIR__ . '/includes/rest.php';
require_once __DIR__ . '/includes/flood.php';
require_once __DIR__ . '/includes/privacy.php';
require_once __DIR__ . '/includes/admin.php';
