#!/usr/bin/env bash
# Runs every test layer and ends with one line CI reads: "N passed, N failed".
# Layers: format, lints (native and wasm), native tests, release build, wasm-bindgen tests in
# headless Chromium, and the Playwright end-to-end suite against the built dist/.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

passed=0
failed=0
logs=$(mktemp -d)

# layer <name> <command...>: counts "test result:" / "# pass" lines, or the command as one check.
layer() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local log="$logs/$name.log"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$( (grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}') )
  f=$( (grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}') )
  if grep -qE '^# (pass|fail) ' "$log"; then
    p=$(awk '/^# pass /{s+=$3} END {print s+0}' "$log")
    f=$(awk '/^# fail /{s+=$3} END {print s+0}' "$log")
  fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    if [ "$status" -eq 0 ]; then p=1; else f=1; fi
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1  # the runner failed outside any test (a build error, a crash)
  fi
  passed=$((passed + p)); failed=$((failed + f))
  printf '%s: %s passed, %s failed\n' "$name" "$p" "$f"
}

layer format cargo fmt --all --check
layer lint-native cargo clippy --workspace --all-targets --features ssr -- -D warnings
layer lint-wasm cargo clippy --target wasm32-unknown-unknown --features hydrate -- -D warnings
layer native-tests cargo test --workspace --features ssr
layer release-build trunk build --release --offline
layer wasm-tests cargo test --target wasm32-unknown-unknown --features hydrate --test web
layer end-to-end node --test --test-concurrency=1 tests/e2e/

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
