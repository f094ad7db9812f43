#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks, pinned, and skips what is already present.
#   scripts/setup.sh build   the wasm target, trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh test    the above, plus Debian chromium and chromedriver, and for the other
#                            engines Debian firefox-esr, webkit2gtk-driver and xvfb, and geckodriver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1
want=${1:-build}

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target (under a minute)"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION, about 13 min on 2 cores"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# No --locked: its lock file names a webpki-roots version the registry no longer has.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION, about 5 min on 2 cores"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The link-preview image's text (src/preview.rs, drawn by resvg at build time) is set in DejaVu.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf ]; then
  step "installing Debian fonts-dejavu-core for the preview image, seconds"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

# npm packages: ECharts (copied into dist), wasm-opt (binaryen), playwright-core, axe-core.
if [ ! -f node_modules/.install-stamp ] || [ package-lock.json -nt node_modules/.install-stamp ]; then
  step "installing npm packages (under a minute)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
  touch node_modules/.install-stamp
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Debian chromium and chromium-driver, about 2 min"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The other engines: Firefox ESR through geckodriver, and WebKitGTK (Safari's engine) through its
  # own WebKitWebDriver under a virtual display.
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
    step "installing Debian firefox-esr, webkit2gtk-driver and xvfb, a few minutes"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
  fi
  if ! geckodriver --version 2>/dev/null | grep "^geckodriver $GECKODRIVER_VERSION" >/dev/null; then
    step "installing geckodriver $GECKODRIVER_VERSION, a few minutes on 2 cores"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi
