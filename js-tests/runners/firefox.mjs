// Headless Firefox through geckodriver (webdriver.mjs): a fresh profile,
// offline and quiet.
//   env: FIREFOX (default /usr/bin/firefox-esr), GECKODRIVER (default ~/.cargo/bin/geckodriver)
// launchFirefox() answers what startSession() answers.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startSession } from './webdriver.mjs';

const firefox = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const geckodriver = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');

// No updates, telemetry, first-run or default-browser pages.
const prefs = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'startup.homepage_welcome_url': 'about:blank',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export function launchFirefox() {
  return startSession(
    geckodriver,
    (port) => ['--port', String(port), '--host', '127.0.0.1'],
    { browserName: 'firefox', 'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs } },
    { name: 'geckodriver' },
  );
}
