<?php
// The router of PHP's built-in server for the test site: the built reader script at /civic-comments/
// (from CIVIC_COMMENTS_DIST), files of wp-content from the site's own content folder, WordPress's
// own files as they are, and every other address to index.php, as a web server's rewrite rules would.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$types = ['js' => 'text/javascript', 'map' => 'application/json', 'css' => 'text/css', 'svg' => 'image/svg+xml',
  'png' => 'image/png', 'woff2' => 'font/woff2', 'json' => 'application/json'];

function serve_file(string $file, array $types): bool {
  if (!is_file($file)) return false;
  $type = $types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream';
  header("Content-Type: $type");
  header('Content-Length: ' . filesize($file));
  readfile($file);
  return true;
}

if (str_starts_with($path, '/civic-comments/') && !str_contains($path, '..')) {
  if (serve_file(getenv('CIVIC_COMMENTS_DIST') . substr($path, strlen('/civic-comments')), $types)) return true;
  http_response_code(404);
  return true;
}
if (str_starts_with($path, '/wp-content/') && !str_contains($path, '..') && !str_ends_with($path, '.php')) {
  $file = getenv('WORDPRESS_CONTENT_DIR') . substr($path, strlen('/wp-content'));
  if (serve_file(realpath($file) ?: $file, $types)) return true;
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && (is_file($file) || is_file(rtrim($file, '/') . '/index.php'))) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['SCRIPT_FILENAME'];
