// The Chromium that the end-to-end tests and the scripts drive: Debian's by default, or the one
// CHROMIUM_PATH names (CHROMIUM_PATH=/opt/chromium/chrome make test). Nothing downloads a browser.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
