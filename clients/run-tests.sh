#!/usr/bin/env bash
# Runs every editor's end-to-end test against the real server jar and prints `N passed, M failed`.
# Each client's test/run.sh ends with a line `<client>: N passed, M failed`. An editor that is not
# installed is skipped with a message, except in CI (CI=true), where that is a failure.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MIGLINT_JAR="${MIGLINT_JAR:-$repo/server/target/miglint.jar}"
if [[ ! -f "$MIGLINT_JAR" ]]; then
  echo "no server jar at $MIGLINT_JAR: build it with mvn -B -q package -DskipTests" >&2
  exit 2
fi

passed=0
failed=0
# name | what must be installed | test script
clients=(
  "neovim|nvim|$repo/clients/neovim/test/run.sh"
  "emacs|emacs|$repo/clients/emacs/test/run.sh"
  "vscode|$repo/vscode-extension/test/host/node_modules/.bin/code-server|$repo/vscode-extension/test/run.sh"
)
for entry in "${clients[@]}"; do
  IFS='|' read -r name needs script <<<"$entry"
  if ! command -v "$needs" >/dev/null 2>&1; then
    if [[ "${CI:-}" == "true" ]]; then
      echo "FAIL $name: $needs is not installed (.ci/run installs it)"
      failed=$((failed + 1))
    else
      echo "SKIP $name: $needs is not installed"
    fi
    continue
  fi
  echo "== $name"
  output="$(bash "$script" 2>&1)"
  status=$?
  echo "$output"
  summary="$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed$" <<<"$output" | tail -1)"
  if [[ -z "$summary" ]]; then
    echo "FAIL $name: its test ended (exit $status) without a summary line"
    failed=$((failed + 1))
    continue
  fi
  p="$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/' <<<"$summary")"
  f="$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/' <<<"$summary")"
  if [[ $status -ne 0 && $f -eq 0 ]]; then
    f=1
    echo "FAIL $name: its test exited with $status"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
