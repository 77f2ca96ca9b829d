#!/usr/bin/env bash
# Installs (if needed) and starts a real WordPress for the tests: Debian's wordpress, mariadb-server
# and php-cli; a private MariaDB with its own data folder and socket and no network; PHP's built-in
# server with a router script; WordPress installed by its own wp_install(); this repository's plugin
# loaded as a must-use plugin, and the built reader script served by the site itself at
# /civic-comments/, as a department would host it. Prints the site's URL with the administrator's
# name and an application password in it, for TEST_WORDPRESS_URL. Run as root on Debian.
#   WORDPRESS_PORT (default 8089) and WORDPRESS_DIR (default /tmp/civic-comments-wordpress) choose
#   where it runs; run it again to reuse a site that is already up.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${WORDPRESS_PORT:-8089}
dir=${WORDPRESS_DIR:-/tmp/civic-comments-wordpress}
host=127.0.0.1

if [ -f "$dir/url" ] && curl -fsS -o /dev/null "http://$host:$port/wp-json/"; then
  cat "$dir/url"
  exit 0
fi

packages=()
[ -f /usr/share/wordpress/wp-load.php ] || packages+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || packages+=(wordpress-theme-twentytwentythree)
command -v mariadbd >/dev/null 2>&1 || packages+=(mariadb-server)
command -v php >/dev/null 2>&1 || packages+=(php-cli)
modules=$(php -m 2>/dev/null || true)
grep -qx mysqli <<<"$modules" || packages+=(php-mysql)
grep -qx mbstring <<<"$modules" || packages+=(php-mbstring)
grep -qx dom <<<"$modules" || packages+=(php-xml)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing Debian's ${packages[*]} for the WordPress tests" >&2
  # Keep apt from starting Apache or MariaDB as services: the tests start their own.
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# A site half up (its PHP server gone, say) is stopped and made again.
[ -f "$dir/mysql.pid" ] && kill "$(cat "$dir/mysql.pid")" 2>/dev/null && sleep 2
pkill -f "php -S $host:$port " 2>/dev/null || true
rm -rf "$dir"
mkdir -p "$dir/wp-content/mu-plugins" "$dir/wp-content/themes" "$dir/wp-content/uploads" "$dir/mysql"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/wp-content/themes/twentytwentythree"
# The empty file WordPress ships in every wp-content folder.
echo '<?php // Silence is golden.' > "$dir/wp-content/index.php"
# WordPress loads must-use plugins from the folder's top level only: the plugin's folder goes beside
# a one-line loader, as docs/backends.md tells a web team to install it.
cp -r "$repo/wordpress/civic-comments" "$dir/wp-content/mu-plugins/"
echo '<?php require __DIR__ . "/civic-comments/civic-comments.php";' > "$dir/wp-content/mu-plugins/civic-comments-loader.php"
cp "$repo/wordpress/test-site/test-site.php" "$dir/wp-content/mu-plugins/"

# MariaDB on a socket of its own, with no network and no password for root on that socket.
mariadb-install-db --no-defaults --datadir="$dir/mysql" --user=root --auth-root-authentication-method=normal >"$dir/mariadb-install.log" 2>&1
setsid mariadbd --no-defaults --datadir="$dir/mysql" --socket="$dir/mysql.sock" --pid-file="$dir/mysql.pid" \
  --skip-networking --user=root --log-error="$dir/mariadb.log" </dev/null >/dev/null 2>&1 &
for _ in $(seq 1 60); do [ -S "$dir/mysql.sock" ] && break; sleep 0.5; done
mariadb --no-defaults --socket="$dir/mysql.sock" -uroot <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL

# Debian's wp-config.php reads /etc/wordpress/config-<host>.php.
mkdir -p /etc/wordpress
cat > "/etc/wordpress/config-$host.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$dir/mysql.sock');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', 'http://$host:$port/wp-content');
define('WPMU_PLUGIN_DIR', '$dir/wp-content/mu-plugins');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTOMATIC_UPDATER_DISABLED', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$key) {
  define(\$key, '$(head -c 32 /dev/urandom | base64)');
}
PHP

CIVIC_COMMENTS_DIST="$repo/dist" WORDPRESS_CONTENT_DIR="$dir/wp-content" PHP_CLI_SERVER_WORKERS=4 setsid php -S "$host:$port" -t /usr/share/wordpress \
  "$repo/wordpress/test-site/router.php" </dev/null >"$dir/php.log" 2>&1 &
for _ in $(seq 1 40); do curl -s -o /dev/null "http://$host:$port/" && break; sleep 0.25; done

password=$(php "$repo/wordpress/test-site/install.php" "$host:$port")
echo "http://admin:$password@$host:$port" > "$dir/url"
cat "$dir/url"
