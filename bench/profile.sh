#!/usr/bin/env bash
# Where one `miglint` command spends its time and how often it opens each file: runs it once under
# JFR (settings=profile, method-profiling=max: a sample every ms or so) and prints the hottest methods — by self time (top frame of each execution
# sample) and by total time (anywhere on the stack, miglint's own dev.miglint frames only) — then,
# when strace is installed, runs it again under `strace -f -e trace=openat` and prints how many files
# were opened more than once, with the most-opened ones. Builds nothing.
#
# usage: bench/profile.sh [top] -- <miglint arguments…>     e.g. bench/profile.sh 15 -- check some/folder
# env:   MIGLINT_JAR, MIGLINT_JAVA_OPTS (default: the ./miglint launcher's flags), KEEP=dir keeps the .jfr
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top=15
[[ "${1:-}" == "--" ]] || { top="$1"; shift; }
shift
jar="${MIGLINT_JAR:-$(dirname "$here")/server/target/miglint.jar}"
# shellcheck disable=SC2206
java=(java ${MIGLINT_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto})
work="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/miglint-profile.XXXXXX")}"
mkdir -p "$work"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

"${java[@]}" -XX:StartFlightRecording=filename="$work/run.jfr",settings=profile,method-profiling=max -jar "$jar" "$@" >/dev/null 2>&1 || true
jfr print --stack-depth 64 --events jdk.ExecutionSample "$work/run.jfr" >"$work/samples.txt"
# A sample's stack is the indented "name(args) line: N" lines after "stackTrace = [".
awk -v top="$top" '
  /stackTrace = \[/ { n++; depth = 0; delete seen; next }
  /^[ \t]+[A-Za-z_$][^ ]*\(.*\)/ && n {
    f = $1; sub(/\(.*/, "", f)
    if (depth++ == 0) self[f]++
    if (f ~ /^dev\.miglint\./ && !(f in seen)) { seen[f] = 1; total[f]++ }
  }
  END {
    printf "%d execution samples\n\n-- self (top frame) --\n", n
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -" top
    close("sort -rn | head -" top)
    printf "\n-- total (on the stack; dev.miglint only) --\n"
    for (f in total) printf "%6.1f%%  %s\n", 100 * total[f] / n, f | "sort -rn | head -" top
  }' "$work/samples.txt"
# JFR truncates stacks at 64 frames by default: deep recursions count in "self" but may miss callers.

if command -v strace >/dev/null; then
  strace -f -qq -e trace=openat -o "$work/strace.txt" "${java[@]}" -jar "$jar" "$@" >/dev/null 2>&1 || true
  # Project files only: not the JDK, the jar, /proc, /sys or /tmp's JVM files.
  grep -v ENOENT "$work/strace.txt" | grep -o 'openat([^"]*"[^"]*"' | sed 's/.*"\(.*\)"/\1/' |
    grep -Ev '^/(usr|proc|sys|dev|etc|lib)|\.(jar|so|jsa)$|hsperfdata' | sort | uniq -c | sort -rn >"$work/opens.txt"
  awk '{ files++; opens += $1; if ($1 > 1) { dup++; extra += $1 - 1 } }
    END { printf "\nopenat: %d files opened %d times; %d files opened more than once (%d extra opens)\n", files, opens, dup, extra }' "$work/opens.txt"
  head -5 "$work/opens.txt"
fi
