#!/usr/bin/env bash
# Headless end-to-end test of miglint.el: the real Emacs + Eglot against the real server jar.
# Usage: clients/emacs/test/run.sh   (MIGLINT_JAR overrides the jar; EMACS the binary)
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
jar=${MIGLINT_JAR:-$repo/server/target/miglint.jar}
emacs=${EMACS:-emacs}

if ! command -v "$emacs" >/dev/null; then
  echo "FAIL setup: no $emacs (apt-get install -y emacs-nox, plus elpa-eglot on Debian 12)"
  echo "emacs: 0 passed, 1 failed"; exit 1
fi
if [ ! -r "$jar" ]; then
  echo "FAIL setup: no server jar at $jar (cd $repo && mvn -B -o package -DskipTests, or set MIGLINT_JAR)"
  echo "emacs: 0 passed, 1 failed"; exit 1
fi

# Nothing read from or written to the real home.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache \
       XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state TMPDIR=$tmp
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME"
export MIGLINT_JAR=$jar

# The package compiles without warnings, with Eglot loaded as a user would have it.
mkdir -p "$tmp/compile" && cp "$here/../miglint.el" "$tmp/compile/"
if "$emacs" --batch -Q --eval '(progn (require (quote package))
      (unless (locate-library "eglot")
        (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa")
        (package-initialize))
      (setq byte-compile-error-on-warn t))' \
    -f batch-byte-compile "$tmp/compile/miglint.el" >"$tmp/compile.log" 2>&1; then
  compile="PASS byte-compile"
else
  compile="FAIL byte-compile: $(grep -v '^$' "$tmp/compile.log" | tr '\n' ' ' | cut -c1-400)"
fi

# e2e.el has its own 60 s budget; this only catches a hung Emacs.
timeout 150 "$emacs" --batch -Q -l "$here/e2e.el" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
echo "$compile" >>"$tmp/out"
cat "$tmp/out"

tests="byte-compile command-missing command-jar patterns-published attach-default-sql-only attach-opt-in-every-row settings-every-key connect diagnostic settings-initial settings-change hover quickfix diagnostic-clears python-default-no-server python-opt-in-starts-on-a-revision-and-takes-the-project"
passed=$(grep -c '^PASS ' "$tmp/out")
failed=$(grep -c '^FAIL ' "$tmp/out")
for t in $tests; do
  if ! grep -q "^\(PASS\|FAIL\) $t\b" "$tmp/out"; then
    echo "FAIL $t: did not run (emacs exited $rc)"; failed=$((failed + 1))
  fi
done
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL emacs: exited $rc"; failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "--- emacs stderr (last 40 lines) ---"; tail -n 40 "$tmp/err"
fi
echo "emacs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
