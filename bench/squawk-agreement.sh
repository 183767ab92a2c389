#!/usr/bin/env bash
# How often miglint and squawk agree on the corpus: per squawk rule, how many of its findings miglint
# also reports (same file, overlapping lines), why miglint deliberately stays quiet on the others
# (docs/squawk-differences.md), and the reverse. miglint runs with its opt-in rules enabled, as
# squawk's peers of them are on by default. Installs squawk with ../shared/tools/peers/install-peers.sh.
# Builds nothing: run `mvn -B -q package -DskipTests` first.
#
# usage: bench/squawk-agreement.sh [corpus-dir] [--list | --list-all]   (from anywhere)
#   --list      also list the squawk findings no reason explains; --list-all the deliberate ones too
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
list=()
args=()
for a in "$@"; do
    case "$a" in --list|--list-all) list+=("$a") ;; *) args+=("$a") ;; esac
done
corpus="$(cd "${args[0]:-$root/../shared/corpus}" && pwd)"
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
# The opt-in rules are those `miglint rules` lists at severity "off".
optin="$(java -jar "$jar" rules | awk 'NR > 1 && $3 == "off" { print $1 }' | paste -sd, -)"
java -jar "$jar" check --format json ${optin:+--enable "$optin"} "$corpus" > "$work/miglint.json" \
    2> "$work/miglint.err" || true
java -jar "$jar" inspect --format json "$corpus" > "$work/inspect.json" 2> "$work/inspect.err" || true
java -jar "$jar" rules | awk 'NR > 1 { print $1 }' > "$work/rules"
echo "miglint opt-in rules enabled: ${optin:-none}"

node "$here/squawk-agreement.js" "$work/squawk.jsonl" "$work/miglint.json" "$work/rules" "$work/inspect.json" \
    ${list[@]+"${list[@]}"}
