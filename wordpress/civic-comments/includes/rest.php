<?php
/**
 * civic-comments: Responses through the REST API: who may send them, what is stored and what each answer may show; the counts route.
 */

defined( 'ABSPATH' ) || exit;

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
