#!/usr/bin/env bash
# Whole-process `miglint check` against `squawk` (issue 11's CLI targets), in one run: every run does
# miglint (launcher flags), miglint (plain java -jar) and squawk back to back, so machine noise hits
# all three alike. Prints one table: min/median wall seconds per tool and median/median ratios.
#   (a) every corpus .sql file as one file list   (b) the same files as a .sql-only copy of the
#   corpus, given as its 6 top folders            (c) a generated 10,000-file tree, one folder
#   (d) an Alembic project: check and fix --dry-run (absolute targets; squawk cannot read Python)
# Builds nothing (mvn -B -q package -DskipTests first); asserts nothing. "!" after a time: some run
# exited with 2 or more (usage or internal error), so that time is not a real one.
#
# usage: bench/cli-vs-squawk.sh [runs]          (default 5; (d) uses ALEMBIC_RUNS, default 3)
# env:   MIGLINT_JAR (default server/target/miglint.jar of this checkout), CORPUS, SQUAWK,
#        SQUAWK_REPORTER (json), ALEMBIC_PROJECT (/work/validation/bench-alembic-indico),
#        TREE_FILES (10000), PLAIN=0 skips the plain java -jar column, MIGLINT_JAVA_OPTS as ./miglint
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-5}"
jar="${MIGLINT_JAR:-$root/server/target/miglint.jar}"
corpus="$(cd "${CORPUS:-$root/../shared/corpus}" && pwd)"
alembic="${ALEMBIC_PROJECT:-/work/validation/bench-alembic-indico}"
reporter="${SQUAWK_REPORTER:-json}"
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 2; }
[[ -n "${SQUAWK:-}" ]] || eval "$(bash "$root/../shared/tools/peers/install-peers.sh")"
# The launcher as users run it: its JVM flags and its class-data archive, which the first run writes in
# the background; it is written here before anything is timed.
launcher=(env MIGLINT_JAR="$jar" "$root/miglint")
MIGLINT_JAR="$jar" "$root/miglint" --version >/dev/null
for _ in $(seq 60); do
  compgen -G "${XDG_CACHE_HOME:-$HOME/.cache}/miglint/*.lock" >/dev/null || break
  sleep 0.5
done
plain=(java -jar "$jar")
work="$(mktemp -d "${TMPDIR:-/tmp}/miglint-cli-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Appends "seconds exit-code" of one run of "$@" to $work/$1.
timed() {
  local out="$1" start="$EPOCHREALTIME" rc=0
  shift
  "$@" >/dev/null 2>&1 || rc=$?
  awk -v a="$start" -v b="$EPOCHREALTIME" -v rc="$rc" 'BEGIN { printf "%.3f %d\n", b - a, rc }' >>"$work/$out"
}
# "min/median" of a times file (or n/a), "!" when a run failed; the median alone with -m.
summary() {
  [[ -s "$work/$2" ]] || { echo n/a; return; }
  sort -n "$work/$2" | awk -v m="$1" '{ t[NR] = $1; if ($2 > 1) bad = "!" }
    END { med = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          if (m == "-m") print med; else printf "%.2f/%.2f%s\n", t[1], med, bad }'
}
ratio() { [[ -s "$work/$1" && -s "$work/$2" ]] && awk -v a="$(summary -m "$1")" -v b="$(summary -m "$2")" \
  'BEGIN { printf "%.2f", a / b }' || echo n/a; }

printf '%-31s %-11s %-6s %-12s %-12s %-12s %-6s %-6s %s\n' scenario inputs "sq in" miglint "java -jar" squawk ratio "jar r." target
# scenario <key> <label> <inputs> <target> <runs> <miglint args…> [-- <squawk args…>]
scenario() {
  local key="$1" label="$2" inputs="$3" target="$4" n="$5" i
  shift 5
  local margs=() sargs=() seen=0 a
  for a in "$@"; do
    if [[ "$a" == "--" ]]; then seen=1; elif ((seen)); then sargs+=("$a"); else margs+=("$a"); fi
  done
  # How many files squawk really checked (an unmatched pattern also exits with 1, like findings).
  local checked=-
  ((seen)) && checked=$("$SQUAWK" --verbose --reporter "$reporter" "${sargs[@]}" 2>&1 >/dev/null | grep -c 'checking file path' || true)
  for ((i = 0; i < n; i++)); do
    timed "$key.m" "${launcher[@]}" "${margs[@]}"
    [[ "${PLAIN:-1}" == 0 ]] || timed "$key.j" "${plain[@]}" "${margs[@]}"
    ((seen)) && timed "$key.s" "$SQUAWK" --reporter "$reporter" "${sargs[@]}"
  done
  printf '%-31s %-11s %-6s %-12s %-12s %-12s %-6s %-6s %s\n' "$label" "$inputs" "$checked" "$(summary "" "$key.m")" "$(summary "" "$key.j")" \
    "$(summary "" "$key.s")" "$(ratio "$key.m" "$key.s")" "$(ratio "$key.j" "$key.s")" "$target"
}

# (a) every .sql file of the corpus, one file list (how issue 11 measures it).
mapfile -d '' rel < <(cd "$corpus" && find . -type f -name '*.sql' -print0 | sort -z)
files=("${rel[@]/#./$corpus}")
scenario a "(a) corpus .sql, file list" "${#files[@]} files" "<=2.0x (goal 1.0x)" "$runs" \
  check "${files[@]}" -- "${files[@]}"

# (b) the same files, copied with their paths into a .sql-only tree (the corpus folders also hold
# Alembic, model, Drizzle schema and journal files that only miglint reads), given as its top
# folders; squawk takes no folders, so it gets one quoted `<folder>/**/*.sql` glob per folder.
mkdir -p "$work/folders" && (cd "$corpus" && printf '%s\0' "${rel[@]}" | xargs -0 cp --parents -t "$work/folders")
mapfile -t tops < <(find "$work/folders" -mindepth 1 -maxdepth 1 -type d | sort)
scenario b "(b) corpus .sql, ${#tops[@]} folders" "${#files[@]} files" "-" "$runs" \
  check "${tops[@]}" -- "${tops[@]/%//**/*.sql}"

# (c) TREE_FILES files: copies of the corpus .sql files under proj1/, proj2/ … (their original
# paths: …/migrations/…, …/drizzle/…, db/structure.sql), one folder argument; squawk a `**` glob.
want="${TREE_FILES:-10000}" have=0 p=0
while ((have < want)); do
  p=$((p + 1)) k=$((want - have < ${#rel[@]} ? want - have : ${#rel[@]}))
  mkdir -p "$work/tree/proj$p"
  (cd "$corpus" && printf '%s\0' "${rel[@]:0:k}" | xargs -0 cp --parents -t "$work/tree/proj$p")
  have=$((have + k))
done
scenario c "(c) $want-file tree, 1 folder" "$have files" "<=1.5x" "$runs" \
  check "$work/tree" -- "$work/tree/**/*.sql"
rm -rf "$work/tree"

# (d) an Alembic project with its model files, as one path argument; squawk cannot read Python.
if [[ -d "$alembic" ]]; then
  revisions=$(find "$alembic" -path '*/versions/*.py' | wc -l)
  models=$(find "$alembic" -path '*/models/*.py' ! -name __init__.py | wc -l)
  scenario d1 "(d) alembic check" "${revisions}r+${models}m" "<=1.5 s" "${ALEMBIC_RUNS:-3}" \
    check "$alembic"
  scenario d2 "(d) alembic fix --dry-run" "${revisions}r+${models}m" "<=3 s" "${ALEMBIC_RUNS:-3}" \
    fix --dry-run "$alembic"
else
  echo "(d) skipped: no Alembic project at $alembic (set ALEMBIC_PROJECT; see bench/README.md)"
fi
echo "min/median wall seconds; ratio = miglint median / squawk median (./miglint: its JVM flags and class-data archive);"
echo "jar r. = plain java -jar median / squawk median; sq in = files squawk checked. (d): $alembic (r revisions, m model files)."
echo "squawk $("$SQUAWK" --version | cut -d' ' -f2) --reporter $reporter; $runs runs interleaved."
