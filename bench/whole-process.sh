#!/usr/bin/env bash
# Whole-process wall time of `miglint check` over every .sql file of the corpus, against squawk
# when it is installed, and with JVM flags that may cut startup. Builds nothing: run
# `mvn -B -q package -DskipTests` first. Prints numbers only.
#
# usage: bench/whole-process.sh [corpus-dir] [runs]      (from the repository root or anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
corpus="${1:-$root/../shared/corpus}"
runs="${2:-5}"
jar="$root/server/target/miglint.jar"
squawk="${SQUAWK:-/tmp/miglint-peers/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 2; }
mapfile -d '' files < <(find "$corpus" -type f -name '*.sql' -print0 | sort -z)
echo "corpus: $corpus (${#files[@]} .sql files, $(cat "${files[@]}" | wc -c) bytes); $runs runs each"

# Runs "$@" $runs times; prints "min median" wall seconds. Exit codes are ignored (1 = findings).
time_runs() {
    local t times=()
    for ((i = 0; i < runs; i++)); do
        t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>&1 || true; } 2>&1 )
        times+=("$t")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%s %s\n", a[1], a[int((NR + 1) / 2)] }'
}

report() {  # label min median
    printf '%-56s min %6.3fs  median %6.3fs\n' "$1" "$2" "$3"
}

# --- miglint with JVM flag variants -------------------------------------------------------------
read -r v_min v_med < <(time_runs java -jar "$jar" --version)
report "java -jar miglint.jar --version (JVM startup)" "$v_min" "$v_med"

read -r m_min m_med < <(time_runs java -jar "$jar" check "${files[@]}")
report "miglint check (default flags)" "$m_min" "$m_med"

declare -a variants=(
    "-Xshare:off"
    "-XX:TieredStopAtLevel=1"
    "-XX:+UseSerialGC"
    "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
for flags in "${variants[@]}"; do
    # shellcheck disable=SC2086  # the flags are meant to split
    read -r a b < <(time_runs java $flags -jar "$jar" check "${files[@]}")
    report "miglint check $flags" "$a" "$b"
    # The flags the ./miglint launcher passes to one-shot commands.
    if [[ "$flags" == "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ]]; then l_med="$b"; fi
done

# AppCDS: one training run writes the archive, later runs map it.
archive="$work/miglint.jsa"
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" check "${files[@]}" >/dev/null 2>&1 || true
if [[ -f "$archive" ]]; then
    read -r a b < <(time_runs java -XX:SharedArchiveFile="$archive" -jar "$jar" check "${files[@]}")
    report "miglint check AppCDS" "$a" "$b"
    read -r a b < <(time_runs java -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar "$jar" check "${files[@]}")
    report "miglint check AppCDS + C1 only + SerialGC" "$a" "$b"
    read -r a b < <(time_runs java -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar "$jar" --version)
    report "miglint --version AppCDS + C1 only + SerialGC" "$a" "$b"
else
    echo "AppCDS: no archive was written"
fi

# --- squawk --------------------------------------------------------------------------------------
if [[ -x "$squawk" ]]; then
    echo "squawk: $("$squawk" --version 2>&1 | head -1)"
    read -r s_min s_med < <(time_runs "$squawk" --reporter json "${files[@]}")
    report "squawk --reporter json (one invocation)" "$s_min" "$s_med"
    awk -v m="$m_med" -v l="$l_med" -v s="$s_med" \
        'BEGIN { printf "median ratio miglint/squawk: %.2f default flags, %.2f launcher flags\n", m / s, l / s }'
else
    echo "squawk not installed ($squawk): run /work/shared/tools/peers/install-peers.sh"
fi
