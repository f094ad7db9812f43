# The two commands a newcomer needs:
#   make serve   build the release bundle into dist/ and serve it on http://127.0.0.1:8080
#   make test    run every test layer; ends with one line "N passed, N failed"
# Both install whatever a fresh machine lacks (scripts/setup.sh), pinned and idempotent.

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: serve test build check-content bench clean

serve: build
	node scripts/serve.mjs dist $(PORT)

build:
	scripts/setup.sh build
	trunk build --release --offline

test:
	scripts/setup.sh test
	scripts/test.sh

# Validate data/ only, printing every content error or a summary of what loaded.
check-content:
	cargo run --quiet -p kirov-content --features parse --bin check-content

clean:
	rm -rf dist target/trunk
