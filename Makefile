# The two commands a newcomer needs:
#   make serve   build the release bundle into dist/ and serve it on http://127.0.0.1:8080
#   make test    run every test layer; ends with one line "N passed, N failed"
# Both install whatever a fresh machine lacks (scripts/setup.sh), pinned and idempotent.

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# The address the edition is published at, for oEmbed's absolute addresses (src/oembed.rs):
# where `make serve` serves it, unless you say otherwise, e.g.
#   make build KIROV_PUBLIC_URL=https://journal.example/kirov/
export KIROV_PUBLIC_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: serve test build check-content bench random-run clean

serve: build
	node scripts/serve.mjs dist $(PORT)

# After trunk: write .br and .gz beside each asset (brotli 11, gzip 9; cached by content hash in
# target/precompress-cache, so only changed files cost anything, about 10 s for a new wasm).
build:
	scripts/setup.sh build
	trunk build --release --offline
	node scripts/precompress.mjs dist

# Performance figures for our page against its no-JavaScript floor (a bench, not a test: it prints
# each figure with its target and never fails on them). Builds dist/ itself; pass options with
# BENCH_ARGS, e.g. make bench BENCH_ARGS="--no-build --runs 9".
bench:
	scripts/setup.sh build
	node scripts/bench.mjs $(BENCH_ARGS)

# The long randomised interaction run (the tests run a short one): 1,000 steps by default;
# replay a failure with make random-run SEED=<seed> STEPS=<steps>; WHERE=frame|element|present runs
# it inside the frame on a host page, inside <kirov-essay>, or in presentation mode.
SEED ?= 20261129
STEPS ?= 1000
WHERE ?= page
random-run: build
	scripts/setup.sh test
	node tests/e2e/random-run.mjs --seed $(SEED) --steps $(STEPS) --where $(WHERE)

test:
	scripts/setup.sh test
	scripts/test.sh

# Validate data/ only, printing every content error or a summary of what loaded.
check-content:
	cargo run --quiet -p kirov-content --features parse --bin check-content

clean:
	rm -rf dist target/trunk
