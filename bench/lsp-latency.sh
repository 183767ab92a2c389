#!/usr/bin/env bash
# Editor latency of `miglint lsp` against `squawk server` and the Postgres Language Server, on the
# same files in one run: ≈200 B, ≈30 KB, ≈120 KB (corpus migrations concatenated) and the largest
# file of corpus/big. Prints open→diagnostics and edit→diagnostics (median, p95) per server, in ms.
# Each server is measured the way it is used: pull (textDocument/diagnostic) when it offers it;
# miglint is measured both pulled and pushed as ./miglint starts it (C1 + serial GC), and pulled
# as a bare `java -jar miglint.jar lsp` (full JIT). Cold start = process spawn → first diagnostics.
#
# Given files instead, it measures those, each where it lies (its folder is the workspace root).
#
# usage: bench/lsp-latency.sh [edits] [file …]   (needs node; installs the peers via install-peers.sh;
#                                                 build the jar first: mvn -B -q package -DskipTests)
# env:   SERVERS="miglint squawk" measures only those (default: all five below)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="$root/../shared"
edits="${1:-40}"
given=("${@:2}")
jar="$root/server/target/miglint.jar"
probe="$shared/tools/peers/lsp-latency.js"
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 2; }
eval "$(bash "$shared/tools/peers/install-peers.sh")"
export XDG_CACHE_HOME="${PEERS_DIR:-/tmp/miglint-peers}/pgls/cache"
unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE DATABASE_URL

work="$(mktemp -d /tmp/miglint-lsp-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
corpus="$shared/corpus/sql"
mapfile -d '' migrations < <(find "$corpus" -type f -name '*.sql' -print0 | sort -z)

# One file per folder, so each is a history of its own (nothing before it to replay).
make_file() { # name target-bytes
  mkdir -p "$work/$1"
  local out="$work/$1/001_bench.sql" f
  : >"$out"
  for f in "${migrations[@]}"; do
    [[ $(stat -c %s "$out") -ge $2 ]] && break
    cat "$f" >>"$out"
    printf '\n' >>"$out"
  done
  echo "$out"
}
if ((${#given[@]})); then
  files=()
  for f in "${given[@]}"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  small="$work/200b/001_bench.sql"
  mkdir -p "$work/200b"
  head -c 400 "$corpus/boundary/internal/db/schema/migrations/oss/postgres/17/02_wh_primary_key.up.sql" >"$small"
  files=("$small" "$(make_file 30kb 30000)" "$(make_file 120kb 120000)")
  big="$(find "$shared/corpus/big" -type f -name '*.sql' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)"
  mkdir -p "$work/big" && cp "$big" "$work/big/structure.sql" && files+=("$work/big/structure.sql")
fi

declare -A servers=(
  [miglint]="--pull -- $root/miglint lsp"
  [miglint-push]="--push --no-pull-capability -- $root/miglint lsp"
  [miglint-jar]="--pull -- java -jar $jar lsp"
  [squawk]="-- $SQUAWK server"
  [pgls]="-- $PGLS lsp-proxy --config-path=$PGLS_CONFIG_DEFAULT"
)
read -r -a order <<<"${SERVERS:-miglint miglint-push miglint-jar squawk pgls}"

printf '%-13s %9s %6s %10s %12s %12s %10s %10s\n' server bytes diags mode "cold start" "open→diags" "edit med" "edit p95"
for file in "${files[@]}"; do
  for name in "${order[@]}"; do
    read -r -a args <<<"${servers[$name]}"
    if ! json=$(node "$probe" --json --edits "$edits" "$file" "${args[@]}" 2>/dev/null); then
      [[ -n "$json" ]] || { printf '%-13s %9s  failed\n' "$name" "$(stat -c %s "$file")"; continue; }
    fi
    node -e '
      const s = JSON.parse(process.argv[1]); const f = (x) => Number.isFinite(x) ? x.toFixed(1) : "n/a";
      const cold = s.open.ms !== undefined && s.open.ms !== null ? s.initializeMs + s.open.ms : NaN;
      console.log([process.argv[2].padEnd(13), String(s.bytes).padStart(9), String(s.open.diagnostics).padStart(6), s.mode.padStart(10),
        f(cold).padStart(12), f(s.open.ms).padStart(12), f(s.edits.medianMs).padStart(10),
        f(s.edits.p95Ms).padStart(10)].join(" ") + (s.edits.answered < s.edits.sent ? "  (" + s.edits.answered + "/" + s.edits.sent + " answered)" : ""));
    ' "$json" "$name"
  done
done
