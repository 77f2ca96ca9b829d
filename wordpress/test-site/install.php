<?php
// Installs the test site with WordPress's own wp_install(), as its installer would, and sets it up
// as a department would: pretty permalinks, the reader script printed on consultation posts, and an
// application password for the administrator, which it prints. The administrator signs in to wp-admin
// with the password below, which the tests also know: the site listens only on 127.0.0.1.
// Usage: php install.php HOST:PORT
$_SERVER['HTTP_HOST'] = $argv[1];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

wp_install('Department for Digital Services', 'admin', 'admin@example.gov.uk', false, '', 'civic-comments-test-site');
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);
update_option('civic_comments_print_script', '1');
update_option('civic_comments_script_url', home_url('/civic-comments/civic-comments.js'));
update_option('civic_comments_sections', '.entry-content h2');
[$password] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'civic-comments tests']);
echo $password;
