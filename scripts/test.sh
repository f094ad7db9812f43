#!/usr/bin/env bash
# Runs every test layer and ends with one line CI reads: "N passed, N failed".
#
# Each layer is counted from its runner's own summary, never guessed:
#   check   a single pass/fail step (format, lint, build, repository hygiene): 1 check, by exit status
#   cargo   libtest's "test result: … N passed; M failed" lines (cargo test, wasm-bindgen-test-runner)
#   node    the TAP summary node's test runner writes beside its readable output ("# pass N", "# fail N")
# A test layer whose runner reports no tests at all counts as one failure: a suite that silently ran
# nothing must not read as green. A runner that exits non-zero with no failing test counted (a build
# error, a crash) also counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
GECKODRIVER_PATH="${GECKODRIVER:-$HOME/.cargo/bin/geckodriver}"
unset GECKODRIVER # wasm-bindgen-test-runner prefers Firefox whenever this is set

passed=0
failed=0
logs=$(mktemp -d)
summary=()

heading() { printf '\n\033[1m==> %s\033[0m\n' "$1"; }

# tally <layer> <passed> <failed> <exit status> <tests were expected: yes|no>
tally() {
  local name=$1 p=$2 f=$3 status=$4 expect_tests=$5
  if [ "$expect_tests" = yes ] && [ $((p + f)) -eq 0 ]; then
    echo "$name: the runner reported no tests; counted as a failure"
    f=1
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "$name: exited with status $status outside any test; counted as a failure"
    f=1
  fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$(printf '%-14s %4s passed, %s failed' "$name" "$p" "$f")")
}

check() {
  local name=$1; shift
  heading "$name"
  "$@"
  local status=$?
  if [ "$status" -eq 0 ]; then tally "$name" 1 0 0 no; else tally "$name" 0 1 "$status" no; fi
}

cargo_layer() {
  local name=$1; shift
  heading "$name"
  local log="$logs/$name.log"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$(sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
  tally "$name" "$p" "$f" "$status" yes
}

node_layer() {
  local name=$1; shift
  heading "$name"
  local tap="$logs/$name.tap"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$@"
  local status=$?
  local p f c
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$tap" | tail -1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$tap" | tail -1)
  # A test cancelled by a timeout or a crashed file did not pass.
  c=$(sed -nE 's/^# cancelled ([0-9]+)$/\1/p' "$tap" | tail -1)
  tally "$name" "${p:-0}" "$(( ${f:-0} + ${c:-0} ))" "$status" yes
}

# Build outputs never belong in git (a member crate built on its own writes its own target/).
tracked_build_outputs() {
  local found
  found=$(git ls-files | grep -E '(^|/)(target|dist|node_modules)/' | head -5)
  if [ -n "$found" ]; then
    echo "build outputs are tracked by git (git rm -r --cached them; .gitignore covers them):"
    echo "$found"
    return 1
  fi
}

check repository tracked_build_outputs
check format cargo fmt --all --check
check lint-native cargo clippy --workspace --all-targets --features ssr -- -D warnings
# Each wasm half is its own build (index.html): the tools' islands, and the card layer's.
check lint-wasm cargo clippy --target wasm32-unknown-unknown --features tools-half -- -D warnings
check lint-wasm-cards cargo clippy --target wasm32-unknown-unknown --features cards-half -- -D warnings
cargo_layer native-tests cargo test --workspace --features ssr
check release-build trunk build --release --offline
cargo_layer wasm-tests cargo test --target wasm32-unknown-unknown --features hydrate --test web
cargo_layer wasm-firefox env GECKODRIVER="$GECKODRIVER_PATH" cargo test --target wasm32-unknown-unknown --features hydrate --test web
node_layer end-to-end --test-concurrency=1 tests/e2e/
# The smoke suite in the other engines (tests/engines/): Firefox ESR and WebKitGTK, through WebDriver.
node_layer engine-firefox --test-concurrency=1 tests/engines/firefox.test.mjs
node_layer engine-webkit --test-concurrency=1 tests/engines/webkit.test.mjs

# What failed, and why, just above the summary, so a log's last lines say it (the TAP logs'
# "not ok" entries with their diagnostics: the assertion, its message, where it was thrown).
failures() {
  local tap
  for tap in "$logs"/*.tap; do
    [ -e "$tap" ] || continue
    awk '/^ *not ok /{show=1; n=0} /^ *ok /{show=0} show && n < 30 {print; n++}' "$tap" | grep -v '^ *# Subtest'
  done
}
if [ "$failed" -ne 0 ]; then
  heading "what failed"
  failures | head -120
fi

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
