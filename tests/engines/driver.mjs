// The other engines, through WebDriver with a pinned client (npm selenium-webdriver, always given
// the driver's address with usingServer, so it never looks for or downloads a driver):
//   firefox   Debian's Firefox ESR, headless, through geckodriver (FIREFOX_PATH, GECKODRIVER)
//   webkit    WebKitGTK, Safari's engine, through its WebKitWebDriver and MiniBrowser, on an Xvfb
//             display this module starts (WEBKIT_DRIVER, WEBKIT_BROWSER)
import { Builder } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const WEBKIT_BROWSER = process.env.WEBKIT_BROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Starts a process and resolves once its output says `ready` (or after a short wait). */
function start(cmd, args, env, ready) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(child), 3000);
    const watch = (d) => {
      output += d;
      if (ready && ready.test(output)) { clearTimeout(timer); resolve(child); }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', (e) => { clearTimeout(timer); reject(new Error(`${cmd}: ${e.message}`)); });
    child.on('exit', (code) => { clearTimeout(timer); if (code) reject(new Error(`${cmd} exited ${code}: ${output}`)); });
  });
}

/** An X display for WebKitGTK, which cannot run headless: Xvfb on the first free number from 97. */
async function xvfb() {
  for (let n = 97; n < 120; n++) {
    try {
      const child = await start('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {}, null);
      if (child.exitCode === null) return { child, display: `:${n}` };
    } catch { /* that display is taken; try the next */ }
  }
  throw new Error('no free X display for Xvfb');
}

/**
 * Starts `engine` ('firefox' or 'webkit') and returns { driver, quit, name }. The window is
 * 1280 × 800 CSS pixels where the engine lets us set it.
 */
export async function startEngine(engine) {
  const port = await freePort();
  const children = [];
  let capabilities;
  if (engine === 'firefox') {
    children.push(await start(GECKODRIVER, ['--port', String(port), '--host', '127.0.0.1'], {}, /Listening on/));
    capabilities = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: FIREFOX,
        args: ['-headless', '-width', '1280', '-height', '800'],
        // No update checks, telemetry or captive-portal probes: nothing leaves 127.0.0.1.
        prefs: {
          'app.update.enabled': false, 'network.captive-portal-service.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
          'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
          'network.connectivity-service.enabled': false, 'extensions.update.enabled': false,
        },
      },
    };
  } else if (engine === 'webkit') {
    const x = await xvfb();
    children.push(x.child);
    children.push(await start(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { DISPLAY: x.display }, /./));
    capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: ['--automation'] },
    };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
  try { await driver.manage().window().setRect({ width: 1280, height: 800 }); } catch { /* WebKitGTK under Xvfb may refuse */ }
  const quit = async () => {
    try { await driver.quit(); } finally { for (const c of children.reverse()) c.kill(); }
  };
  return { driver, quit, name: engine };
}
