#!/usr/bin/env bash
# Headless end-to-end test of the Neovim client against the real server jar.
# Usage: clients/neovim/test/run.sh   (MIGLINT_JAR overrides the jar, NVIM the editor binary)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
export MIGLINT_JAR=${MIGLINT_JAR:-$repo/server/target/miglint.jar}
nvim=${NVIM:-nvim}
expected=11 # tests e2e.lua reports per run when it runs to the end

if [ ! -f "$MIGLINT_JAR" ]; then
  echo "neovim: server jar not found at $MIGLINT_JAR; build it with (cd $repo && mvn -B -q package -DskipTests) or set MIGLINT_JAR" >&2
  echo "neovim: 0 passed, 1 failed"
  exit 2
fi
if ! command -v "$nvim" >/dev/null; then
  echo "neovim: '$nvim' not found; install it (apt-get install -y neovim)" >&2
  echo "neovim: 0 passed, 1 failed"
  exit 2
fi

# 0.11+ also runs without setup(), the way the README offers: lsp/miglint.lua + vim.lsp.enable.
modes=${MIGLINT_E2E_API:-default}
if [ -z "${MIGLINT_E2E_API:-}" ]; then
  "$nvim" --version | head -1 | grep -Eq '^NVIM v(0\.(1[1-9]|[2-9][0-9])|[1-9])' && modes="default enable"
fi

total_passed=0 total_failed=0 status=0
tmps=()
trap 'rm -rf "${tmps[@]}"' EXIT
for mode in $modes; do
  tmp=$(mktemp -d)
  tmps+=("$tmp")
  # Keep the user's config, plugins, shada and lsp.log out of the run.
  export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache
  export MIGLINT_E2E_TMP=$tmp
  if [ "$mode" = default ]; then unset MIGLINT_E2E_API; else export MIGLINT_E2E_API=$mode; fi

  "$nvim" --version | head -1 >&2
  "$nvim" --headless -i NONE -u "$here/e2e.lua" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
  rc=$?
  grep -a '^e2e:' "$tmp/stderr" >&2
  cat "$tmp/stdout"

  passed=$(grep -c '^PASS ' "$tmp/stdout")
  failed=$(grep -c '^FAIL ' "$tmp/stdout")
  if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ $((passed + failed)) -lt "$expected" ]; then
    status=1
    echo "--- nvim exited $rc; its stderr:" >&2
    cat "$tmp/stderr" >&2
    for log in "$tmp"/state/nvim/lsp.log "$tmp"/cache/nvim/lsp.log; do
      [ -f "$log" ] && { echo "--- $log (tail):" >&2; tail -n 40 "$log" >&2; }
    done
    # a crash or an early exit leaves tests unreported: count them as failed
    missing=$((expected - passed - failed))
    [ "$missing" -gt 0 ] && failed=$((failed + missing))
    [ "$failed" -eq 0 ] && failed=1
  fi
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed))
done
echo "neovim: $total_passed passed, $total_failed failed"
exit $status
