#!/usr/bin/env bash
# How often miglint and squawk agree on the corpus: per squawk rule, how many of its findings miglint
# also reports (same file, squawk's line inside the miglint finding's lines), and the reverse.
# Installs squawk with ../shared/tools/peers/install-peers.sh. Builds nothing: run
# `mvn -B -q package -DskipTests` first. Rules miglint does not have yet show 0%.
#
# usage: bench/squawk-agreement.sh [corpus-dir]      (from the repository root or anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
corpus="$(cd "${1:-$root/../shared/corpus}" && pwd)"
jar="$root/server/target/miglint.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 2; }
eval "$(bash "$root/../shared/tools/peers/install-peers.sh" | grep '^SQUAWK=')"
echo "squawk $("$SQUAWK" --version | awk '{print $NF}'), miglint $(java -jar "$jar" --version | awk '{print $NF}')"

# The files miglint reads when given the folder: .sql files outside the folders it skips.
find "$corpus" \( -name node_modules -o -name target -o -name .git -o -name .venv -o -name venv \
    -o -name __pycache__ \) -prune -o -type f -name '*.sql' -print0 | sort -z > "$work/files"
echo "corpus: $corpus ($(tr -cd '\0' < "$work/files" | wc -c) .sql files)"

# squawk exits 1 on findings; one JSON array per batch of files.
xargs -0 -n 100 sh -c '"$0" --reporter json "$@" || true; echo' "$SQUAWK" < "$work/files" > "$work/squawk.jsonl" \
    2> "$work/squawk.err"
# miglint gets the folder, so files see the schema earlier migrations built (as in real use).
java -jar "$jar" check --format json "$corpus" > "$work/miglint.json" 2> "$work/miglint.err" || true
java -jar "$jar" rules | awk 'NR > 1 { print $1 }' > "$work/rules"

node "$here/squawk-agreement.js" "$work/squawk.jsonl" "$work/miglint.json" "$work/rules"
