#!/usr/bin/env bash
# Does `miglint check <one file>` report the same findings for that file as `miglint check <its project>`?
#
#   bench/validation/single-file-vs-folder.sh [validation-dir] [files-per-project] [project…]
#
# validation-dir defaults to /work/validation (made from projects.tsv, see README.md), files-per-project
# to 20. For each project of projects.tsv present there (or only the ones named), it runs check once on
# the project folder, then once on each of up to N of its files named alone (evenly spaced over the
# sorted list of .sql files, Alembic revisions, model files, Drizzle schema .ts files and journals), and
# compares the findings reported on that file: rule, range and message. It prints every file whose
# findings differ, with the lines only one side has, then a per-project count and a total.
# Exit status: 0 when no file differs, 1 when some do, 2 on a usage error.
# Needs java and jq; uses server/target/miglint.jar (MIGLINT_JAR overrides).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
root=${1:-/work/validation}
per=${2:-20}
shift $(( $# >= 2 ? 2 : $# ))
jar=${MIGLINT_JAR:-$repo/server/target/miglint.jar}
[ -f "$jar" ] || { echo "no jar at $jar: run mvn -B -q package -DskipTests" >&2; exit 2; }
[ -d "$root" ] || { echo "no folder $root" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 2; }

run() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" check "$@" --format json 2>/dev/null; }
# One line per finding on file $2 of the JSON in $1: start line:col-end line:col rule message.
lines() {
  jq -r --arg f "$2" '.findings[] | select(.file == $f)
    | "\(.range.start.line+1):\(.range.start.character)-\(.range.end.line+1):\(.range.end.character) \(.rule) \(.message)"' "$1" | sort
}

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ $# -gt 0 ]; then projects=("$@"); else
  mapfile -t projects < <(awk -F'\t' 'NR > 1 && $1 != "" {print $1}' "$here/projects.tsv"); fi

total=0; totaldiff=0
for p in "${projects[@]}"; do
  dir="$root/$p"
  [ -d "$dir" ] || { echo "== $p: not in $root, skipped"; continue; }
  run "$dir" > "$tmp/folder.json"
  mapfile -t all < <(cd "$dir" && find . -type f \( -name '*.sql' -o -name '_journal.json' -o -name '*.ts' -o -path '*/versions/*.py' \
      -o -name 'models.py' -o -path '*/models/*.py' \) -not -path '*/node_modules/*' | sed 's|^\./||' | LC_ALL=C sort)
  cand=()
  for f in "${all[@]}"; do
    case "$f" in *.ts) grep -q 'drizzle-orm/pg-core' "$dir/$f" || continue ;; esac
    cand+=("$f")
  done
  n=${#cand[@]}; k=$(( n < per ? n : per )); differ=0
  for ((i = 0; i < k; i++)); do
    f=${cand[$(( i * n / k ))]}
    run "$dir/$f" > "$tmp/alone.json"
    lines "$tmp/folder.json" "$dir/$f" > "$tmp/a"
    lines "$tmp/alone.json" "$dir/$f" > "$tmp/b"
    if ! cmp -s "$tmp/a" "$tmp/b"; then
      differ=$((differ + 1))
      echo "DIFFERS $p/$f: $(wc -l < "$tmp/a") in folder, $(wc -l < "$tmp/b") alone"
      comm -23 "$tmp/a" "$tmp/b" | head -5 | sed 's/^/   folder only: /' | cut -c1-220
      comm -13 "$tmp/a" "$tmp/b" | head -5 | sed 's/^/   alone only:  /' | cut -c1-220
    fi
  done
  echo "== $p: $differ of $k files differ"
  total=$((total + k)); totaldiff=$((totaldiff + differ))
done
echo "TOTAL: $totaldiff of $total files differ"
[ "$totaldiff" -eq 0 ]
