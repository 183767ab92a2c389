#!/usr/bin/env bash
# Unit tests, then both end-to-end tests in the real VS Code. Installs nothing: run test/install.sh once.
# Prints PASS/FAIL lines and a last line "vscode: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1
log=$(mktemp -d)/run.log
start=$(date +%s)

step() { # name, command…: a command that fails without printing a FAIL line still counts as one
  local name=$1; shift
  local out rc
  out=$("$@" 2>"$log.$name.err"); rc=$?
  [ -n "$out" ] && printf '%s\n' "$out" | tee -a "$log"
  if [ $rc -ne 0 ] && ! grep -q '^FAIL' <<<"$out"; then
    echo "FAIL $name: exit code $rc: $(tail -n 5 "$log.$name.err" | tr '\n' ' ')" | tee -a "$log"
  fi
}

build() {
  if [ ! -f ../server/target/miglint.jar ]; then
    echo "FAIL build: ../server/target/miglint.jar is missing; build it: (cd .. && mvn -B -q package -DskipTests)"
    return 1
  fi
  # The UI test installs the packaged .vsix; the API test loads dist/ and server/ from this folder.
  npm run --silent package >&2 && echo "PASS build: npm run package produced miglint.vsix"
}

unit() {
  npm run --silent compile >&2 || { echo "FAIL unit: tsc failed"; return 1; }
  node --test --test-reporter=tap out/test/unit/*.test.js | node test/tap-lines.js
}

step build build
if grep -q '^FAIL build' "$log"; then
  echo "vscode: 0 passed, 1 failed"
  exit 1
fi
step unit unit
step api node test/e2e/api.js
step ui node test/e2e/ui.js

passed=$(grep -c '^PASS' "$log")
failed=$(grep -c '^FAIL' "$log")
if [ "$failed" -eq 0 ]; then
  rm -rf "$(dirname "$log")"
  echo "($(( $(date +%s) - start )) s)"
else
  echo "($(( $(date +%s) - start )) s; stderr of each step in $(dirname "$log"))"
fi
echo "vscode: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
