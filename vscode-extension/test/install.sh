#!/usr/bin/env bash
# What the tests need on a fresh Debian 12/13 machine (run as root or with sudo available):
# Java 17+, Maven, Chromium, ripgrep and the Kerberos headers code-server builds against, the
# extension's npm packages and code-server 4.100.3 (VS Code 1.100.3, the last release for Node 20).
# State stays in this folder and a temp dir, never in $HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_apt+=(maven)
command -v make >/dev/null && command -v g++ >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
fi
node -e 'process.exit(+process.versions.node.split(".")[0] === 20 ? 0 : 1)' \
  || { echo "install.sh: code-server 4.100.3 needs Node 20, found $(node --version)" >&2; exit 1; }

npm ci --no-audit --no-fund

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# @vscode/ripgrep's postinstall downloads rg from GitHub; hand it Debian's rg in the tarball it looks for.
mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11"
tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
# Native modules (argon2, kerberos) build against the installed Node's headers instead of fetching them.
[ -f /usr/include/node/common.gypi ] && export npm_config_nodedir=/usr
# code-server's postinstall runs `npx node-gyp` (yes) and refuses to run as root without unsafe-perm.
(cd test/host && TMPDIR="$tmp" HOME="$tmp" npm_config_cache="$tmp/npm-cache" npm_config_yes=true \
  npm_config_unsafe_perm=true npm ci --no-audit --no-fund)
# code-server writes a default config on first run: point it at the temp dir.
XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" HOME="$tmp" test/host/node_modules/.bin/code-server --version
echo "install.sh: done; build the server jar with (cd .. && mvn -B -q package -DskipTests), then run test/run.sh"
