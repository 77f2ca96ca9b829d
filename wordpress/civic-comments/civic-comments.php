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
 * civic-comments server does) or the site or user speaks Welsh (`cy`): one file, no language pack.
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
	'Private: for the department only'                                                                    => 'Preifat: i’r adran yn unig',
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

// ---- Posts: the switch, and the fields of the consultation --------------------------------------

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

// ---- Comments through the REST API ----------------------------------------------------------------

// WordPress takes anonymous REST comments only where a plugin says so: here, on consultation posts.
add_filter(
	'rest_allow_anonymous_comments',
	fn( $allowed, WP_REST_Request $request ) => $allowed || civic_is_consultation( (int) $request['post'] ),
	10,
	2
);

// Browsers may send the key that makes a retry safe.
add_filter( 'rest_allowed_cors_headers', fn( array $headers ) => array_merge( $headers, array( 'Idempotency-Key' ) ) );

/** The `civic` field: what a response is, in the shape the elements read; written once, with the comment. */
add_action(
	'rest_api_init',
	function () {
		$properties = array();
		foreach ( CIVIC_FIELDS as $name => $field ) {
			$properties[ $name ] = isset( $field['enum'] )
				? array( 'type' => 'string', 'enum' => $field['enum'] )
				: array( 'type' => 'string', 'maxLength' => $field['max'] );
		}
		// Left empty by people; a form filler that completes it has its comment kept as spam.
		$properties['website']  = array( 'type' => 'string', 'maxLength' => 2048 );
		$properties['text']     = array( 'type' => 'string', 'readonly' => true );
		$properties['official'] = array( 'type' => 'boolean', 'readonly' => true );
		register_rest_field(
			'comment',
			'civic',
			array(
				'get_callback' => 'civic_field',
				'schema'       => array(
					'description' => __( 'The response on a consultation post: its section, visibility and respondent, and its text as typed.', 'civic-comments' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'view', 'edit', 'embed' ),
					'properties'  => $properties,
				),
			)
		);
		register_rest_route(
			'civic-comments/v1',
			'/counts',
			array(
				'methods'             => 'GET',
				'callback'            => 'civic_counts',
				'permission_callback' => '__return_true',
				'args'                => array(
					'page' => array( 'type' => 'string', 'required' => true, 'minLength' => 1, 'maxLength' => 200 ),
				),
			)
		);
	}
);

/** The `civic` field of one comment: null off consultation posts; the organisation only where published with the name. */
function civic_field( array $data ): ?array {
	$comment = get_comment( $data['id'] );
	if ( ! $comment || ! civic_is_consultation( $comment->comment_post_ID ) ) {
		return null;
	}
	$field = array();
	foreach ( CIVIC_FIELDS as $name => $definition ) {
		$value          = get_comment_meta( $comment->comment_ID, $definition['meta'], true );
		$field[ $name ] = '' === $value ? null : $value;
	}
	if ( 'public' !== $field['visibility'] && ! civic_can_moderate() ) {
		$field['organisation'] = null;
	}
	$field['text']     = civic_text( $comment );
	$field['official'] = (int) $comment->user_id > 0 && user_can( (int) $comment->user_id, 'moderate_comments' );
	return $field;
}

/** The REST request creating a comment on a consultation post, if this is one. */
function civic_creating( WP_REST_Request $request ): bool {
	return 'POST' === $request->get_method() && '/wp/v2/comments' === $request->get_route() && civic_is_consultation( (int) $request['post'] );
}

/** The comment stored with this Idempotency-Key on this post, whatever its status since (even spam or trash). */
function civic_stored_for_key( int $post, string $hash ): ?WP_Comment {
	global $wpdb;
	// Straight from the tables: WordPress's query cache would not see another request's insert.
	$id = $wpdb->get_var(
		$wpdb->prepare(
			"SELECT meta.comment_id FROM $wpdb->commentmeta AS meta JOIN $wpdb->comments AS comments ON comments.comment_ID = meta.comment_id
			WHERE meta.meta_key = 'civic_idempotency' AND meta.meta_value = %s AND comments.comment_post_ID = %d LIMIT 1",
			$hash,
			$post
		)
	);
	return $id ? get_comment( (int) $id ) : null;
}

/** The answer to a retry: the stored comment, as when it was created. */
function civic_created_response( WP_Comment $comment, WP_REST_Request $request ): WP_REST_Response {
	$response = ( new WP_REST_Comments_Controller() )->prepare_item_for_response( $comment, $request );
	$response->set_status( 201 );
	return $response;
}

/**
 * Claims an Idempotency-Key for this request, in one statement that only one request can win (an
 * option's name is unique), so that two copies of a response arriving together are stored once.
 * The claim is let go when the request ends; by then the comment carries its key.
 */
function civic_claim_key( string $hash ): bool {
	global $wpdb, $civic_claimed_key;
	// A claim left by a request that died (a PHP fatal error, say) stops holding after a minute.
	$wpdb->query( $wpdb->prepare( "DELETE FROM $wpdb->options WHERE option_name = %s AND option_value < %s", "civic_claim_$hash", (string) ( time() - 60 ) ) );
	$claimed = 1 === (int) $wpdb->query(
		$wpdb->prepare( "INSERT IGNORE INTO $wpdb->options (option_name, option_value, autoload) VALUES (%s, %s, 'no')", "civic_claim_$hash", (string) time() )
	);
	if ( $claimed ) {
		$civic_claimed_key = $hash;
	}
	return $claimed;
}
add_filter(
	'rest_post_dispatch',
	function ( $response ) {
		global $wpdb, $civic_claimed_key;
		if ( $civic_claimed_key ) {
			$wpdb->delete( $wpdb->options, array( 'option_name' => "civic_claim_$civic_claimed_key" ) );
			$civic_claimed_key = null;
		}
		return $response;
	}
);

/**
 * Before WordPress handles a new comment: a retry of one already stored gets that comment back, and
 * a post outside its comment window is refused as the civic-comments server refuses a closed
 * consultation (409, `consultation_closed`, with the closing date).
 */
add_filter(
	'rest_pre_dispatch',
	function ( $result, WP_REST_Server $server, WP_REST_Request $request ) {
		if ( null !== $result || ! civic_creating( $request ) ) {
			return $result;
		}
		$post = (int) $request['post'];
		$key  = (string) $request->get_header( 'Idempotency-Key' );
		$hash = '' === $key ? '' : hash( 'sha256', $key );
		$stored = $hash ? civic_stored_for_key( $post, $hash ) : null;
		if ( $stored ) {
			return civic_created_response( $stored, $request );
		}
		if ( ! comments_open( $post ) ) {
			$closes_at = civic_closes_at( get_post( $post ) );
			return new WP_REST_Response(
				array(
					'error'    => 'consultation_closed',
					'message'  => __( 'This consultation has closed. Responses can no longer be sent.', 'civic-comments' ),
					'opensAt'  => null,
					'closesAt' => $closes_at && strtotime( $closes_at ) <= time() ? $closes_at : null,
				),
				409
			);
		}
		if ( $hash && ! civic_claim_key( $hash ) ) {
			// The same response is being stored by a request still running (a retry sent after a
			// timeout, while the first was slow): wait for it, and answer as it will.
			for ( $wait = 0; $wait < 40 && ! $stored; $wait++ ) {
				usleep( 250000 );
				$stored = civic_stored_for_key( $post, $hash );
			}
			return $stored
				? civic_created_response( $stored, $request )
				: new WP_REST_Response( array( 'error' => 'idempotency_key_in_use', 'message' => __( 'This response is still being sent. Try again in a moment.', 'civic-comments' ) ), 409 );
		}
		return $result;
	},
	10,
	3
);

/**
 * Just before a consultation response is stored: its section and the rest kept as meta, a private
 * one given the private type, and its text escaped, so that it is kept, shown in wp-admin and sent
 * back exactly as typed (WordPress would otherwise strip what looks like HTML).
 */
add_filter(
	'rest_pre_insert_comment',
	function ( $prepared, WP_REST_Request $request ) {
		if ( is_wp_error( $prepared ) || ! civic_creating( $request ) ) {
			return $prepared;
		}
		$civic = (array) ( $request['civic'] ?? array() );
		$parent_section = $prepared['comment_parent'] ? get_comment_meta( $prepared['comment_parent'], 'civic_section', true ) : '';
		$section        = trim( (string) ( $civic['section'] ?? $parent_section ) );
		if ( '' === $section ) {
			return new WP_Error( 'civic_section_required', __( 'A response needs the section it answers.', 'civic-comments' ), array( 'status' => 400, 'params' => array( 'civic' => 'section' ) ) );
		}
		$civic['section']    = $section;
		$civic['visibility'] = $civic['visibility'] ?? 'public';
		$meta                = array();
		foreach ( CIVIC_FIELDS as $name => $field ) {
			if ( isset( $civic[ $name ] ) && '' !== trim( (string) $civic[ $name ] ) ) {
				$meta[ $field['meta'] ] = trim( (string) $civic[ $name ] );
			}
		}
		$key = (string) $request->get_header( 'Idempotency-Key' );
		if ( '' !== $key ) {
			$meta['civic_idempotency'] = hash( 'sha256', $key );
		}
		$prepared['comment_meta'] = $meta;
		if ( 'private' === $civic['visibility'] ) {
			$prepared['comment_type'] = CIVIC_PRIVATE_TYPE;
		}
		// Kept as spam rather than refused: a person whose browser filled the hidden field loses nothing.
		if ( '' !== trim( (string) ( $civic['website'] ?? '' ) ) ) {
			$prepared['comment_approved'] = 'spam';
		}
		// `&` as `&#038;`, which WordPress's entity clean-up keeps, where `&amp;` could turn `&amp;#119;` back into `&#119;`.
		$prepared['comment_content'] = strtr(
			$prepared['comment_content'],
			array( '&' => '&#038;', '<' => '&lt;', '>' => '&gt;', '"' => '&quot;', "'" => '&#039;' )
		);
		return $prepared;
	},
	10,
	2
);

// A reply written in wp-admin answers its parent's section.
add_action(
	'wp_insert_comment',
	function ( int $id, WP_Comment $comment ) {
		if ( $comment->comment_parent && '' === get_comment_meta( $id, 'civic_section', true ) && civic_is_consultation( $comment->comment_post_ID ) ) {
			$section = get_comment_meta( $comment->comment_parent, 'civic_section', true );
			if ( '' !== $section ) {
				add_comment_meta( $id, 'civic_section', $section, true );
				add_comment_meta( $id, 'civic_visibility', 'public', true );
			}
		}
	},
	10,
	2
);

/** What the public receives of a consultation response: no name if anonymous, no email, no avatar (a hash of the email). */
add_filter(
	'rest_prepare_comment',
	function ( WP_REST_Response $response, WP_Comment $comment ) {
		if ( civic_can_moderate() || ! civic_is_consultation( $comment->comment_post_ID ) ) {
			return $response;
		}
		$data = $response->get_data();
		unset( $data['author_email'], $data['author_avatar_urls'], $data['author_ip'], $data['author_user_agent'] );
		$data['author_url'] = '';
		if ( 'anonymous' === get_comment_meta( $comment->comment_ID, 'civic_visibility', true ) ) {
			$data['author_name'] = '';
		}
		$response->set_data( $data );
		return $response;
	},
	10,
	2
);

// A private response is never read by the public, whatever its status, one at a time or in a list.
add_filter(
	'rest_request_before_callbacks',
	function ( $response, array $handler, WP_REST_Request $request ) {
		if ( 'GET' === $request->get_method() && preg_match( '#^/wp/v2/comments/(\d+)$#', $request->get_route(), $match ) && ! civic_can_moderate() ) {
			$comment = get_comment( (int) $match[1] );
			if ( $comment && CIVIC_PRIVATE_TYPE === $comment->comment_type ) {
				return new WP_Error( 'rest_comment_invalid_id', __( 'Invalid comment ID.' ), array( 'status' => 404 ) );
			}
		}
		return $response;
	},
	10,
	3
);
add_action(
	'pre_get_comments',
	function ( WP_Comment_Query $query ) {
		if ( ! civic_can_moderate() ) {
			$query->query_vars['type__not_in'] = array_merge( (array) $query->query_vars['type__not_in'], array( CIVIC_PRIVATE_TYPE ) );
		}
	}
);

/** SQL for the ids of consultation posts, to leave their responses out of what WordPress builds by its own SQL. */
function civic_consultation_posts_sql(): string {
	global $wpdb;
	return "SELECT post_id FROM $wpdb->postmeta WHERE meta_key = 'civic_comments' AND meta_value = '1'";
}

// Comment feeds (RSS and Atom, the site's and each post's) build their own SQL, past
// `pre_get_comments`: consultation responses, private or anonymous, are never in one. Readers follow
// a consultation on its page.
add_filter(
	'comment_feed_where',
	function ( string $where ): string {
		global $wpdb;
		return $where . $wpdb->prepare( " AND $wpdb->comments.comment_type <> %s", CIVIC_PRIVATE_TYPE )
			. " AND $wpdb->comments.comment_post_ID NOT IN (" . civic_consultation_posts_sql() . ')';
	}
);

// WordPress's comment search looks in the author's email, IP address and name as well as the text,
// and the REST API lets anyone search: a character at a time, with `include` and the total, it
// would spell out a respondent's email, or confirm who wrote an anonymous response. The public's
// searches leave consultation responses out.
add_action(
	'pre_get_comments',
	function ( WP_Comment_Query $query ) {
		if ( '' === (string) ( $query->query_vars['search'] ?? '' ) || civic_can_moderate() ) {
			return;
		}
		global $wpdb;
		$consultations                       = array_map( 'intval', $wpdb->get_col( civic_consultation_posts_sql() ) );
		$query->query_vars['post__not_in'] = array_merge( (array) $query->query_vars['post__not_in'], $consultations ?: array( 0 ) );
	}
);

// A post's comment count, which themes show, leaves private responses out.
add_filter(
	'pre_wp_update_comment_count_now',
	function ( $count, $old, int $post_id ) {
		global $wpdb;
		if ( ! civic_is_consultation( $post_id ) ) {
			return $count;
		}
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $wpdb->comments WHERE comment_post_ID = %d AND comment_approved = '1' AND comment_type <> %s", $post_id, CIVIC_PRIVATE_TYPE ) );
	},
	10,
	3
);

// Nor an avatar: Gravatar's address carries a hash of the respondent's email.
add_filter(
	'pre_get_avatar',
	fn( $avatar, $who ) => $who instanceof WP_Comment && civic_is_consultation( $who->comment_post_ID ) ? '' : $avatar,
	10,
	2
);

/**
 * Whether this page is a consultation post, shown to readers. Its responses are in its sections, so
 * the theme's own comment list and form, which would show them again and take comments without a
 * section, are left out.
 */
function civic_showing_consultation(): bool {
	return ! is_admin() && is_singular() && civic_is_consultation( get_queried_object_id() );
}
// Block themes: the Comments block (its list, title, pagination and form).
add_filter(
	'render_block',
	fn( string $html, array $block ) => in_array( $block['blockName'], array( 'core/comments', 'core/post-comments', 'core/post-comments-form' ), true ) && civic_showing_consultation() ? '' : $html,
	10,
	2
);
// Classic themes: comments.php, replaced by the empty index.php that WordPress ships in wp-content.
add_filter(
	'comments_template',
	fn( string $template ) => civic_showing_consultation() && is_file( WP_CONTENT_DIR . '/index.php' ) ? WP_CONTENT_DIR . '/index.php' : $template
);

// Themes show an anonymous response without its name.
add_filter(
	'get_comment_author',
	function ( string $author, $id, $comment ) {
		if ( ! is_admin() && $comment && 'anonymous' === get_comment_meta( $comment->comment_ID, 'civic_visibility', true ) ) {
			return __( 'Anonymous', 'civic-comments' );
		}
		return $author;
	},
	10,
	3
);

// `?civic_section=<id>` lists one section's thread.
add_filter(
	'rest_comment_collection_params',
	function ( array $params ) {
		$params['civic_section'] = array(
			'description' => __( 'Limit the list to one section of a consultation post.', 'civic-comments' ),
			'type'        => 'string',
			'maxLength'   => 200,
		);
		return $params;
	}
);
add_filter(
	'rest_comment_query',
	function ( array $args, WP_REST_Request $request ) {
		if ( isset( $request['civic_section'] ) ) {
			$args['meta_query'] = array(
				array( 'key' => 'civic_section', 'value' => (string) $request['civic_section'] ),
			);
		}
		return $args;
	},
	10,
	2
);

/** `GET /wp-json/civic-comments/v1/counts?page=`: each section's published public and anonymous responses, and the consultation's state. */
function civic_counts( WP_REST_Request $request ) {
	global $wpdb;
	$page = (string) $request['page'];
	$post = civic_post_for_page( $page );
	if ( ! $post || 'publish' !== $post->post_status || ! is_post_publicly_viewable( $post ) ) {
		return new WP_REST_Response( array( 'error' => 'not_found', 'message' => __( 'There is no published post with that id or slug.', 'civic-comments' ) ), 404 );
	}
	$rows   = $wpdb->get_results(
		$wpdb->prepare(
			"SELECT meta.meta_value AS section, COUNT(*) AS published
			FROM $wpdb->comments AS comments
			JOIN $wpdb->commentmeta AS meta ON meta.comment_id = comments.comment_ID AND meta.meta_key = 'civic_section'
			WHERE comments.comment_post_ID = %d AND comments.comment_approved = '1' AND comments.comment_type = 'comment'
			GROUP BY meta.meta_value",
			$post->ID
		)
	);
	$counts = new stdClass();
	foreach ( $rows as $row ) {
		$counts->{$row->section} = (int) $row->published;
	}
	$consultation = null;
	if ( civic_is_consultation( $post ) ) {
		$closes_at    = civic_closes_at( $post );
		$consultation = array(
			'page'            => $page,
			'title'           => html_entity_decode( get_the_title( $post ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ),
			'opensAt'         => null,
			'closesAt'        => $closes_at,
			'state'           => comments_open( $post ) ? 'open' : 'closed',
			'department'      => html_entity_decode( get_bloginfo( 'name' ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ?: null,
			'askOrganisation' => '1' === get_post_meta( $post->ID, 'civic_ask_organisation', true ),
		);
	}
	$response = new WP_REST_Response( array( 'page' => $page, 'post' => $post->ID, 'counts' => $counts, 'consultation' => $consultation ) );
	$response->header( 'Cache-Control', 'no-cache' );
	return $response;
}

// ---- The flood check: by reader, and a roomier limit by address ----------------------------------

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

// ---- Privacy: Tools → Export and Erase Personal Data ---------------------------------------------

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

// ---- The Comments screen: a Section column and a filter -----------------------------------------

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
