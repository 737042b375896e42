// node integrations/angular/run-pages.mjs [--build=a,b] [--browser=chromium,firefox,webkit]
// (from js-tests/, after build.mjs): opens each built page in each browser
// through the repository's runners, one at a time, and prints each page's
// INTEGRATION line and RESULT; exits non-zero if any page failed. For a
// quick re-run by hand; xtask runs the same runners itself.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILDS } from './builds.mjs';

const jsTests = fileURLToPath(new URL('../../', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]?.split(',');
const builds = arg('build') ?? BUILDS.map((b) => b.name);
const browsers = arg('browser') ?? ['chromium', 'firefox', 'webkit'];

const RUNNERS = {
  chromium: { args: ['runners/run-browser.mjs'], env: { PLAYWRIGHT_CORE: process.env.PLAYWRIGHT_CORE ?? `${repo}.tools/node_modules/playwright-core` } },
  firefox: { args: ['runners/run-webdriver.mjs'], env: { GECKODRIVER: process.env.GECKODRIVER ?? `${process.env.HOME}/.cargo/bin/geckodriver` } },
  webkit: { args: ['runners/run-webdriver.mjs', '--browser=webkit'], env: {} },
};

let failed = 0;
for (const build of builds) {
  for (const browser of browsers) {
    const { args, env } = RUNNERS[browser];
    const page = `--page=.bundled/integrations/angular/${build}/index.html`;
    const run = spawnSync(process.execPath, [...args, page], { cwd: jsTests, encoding: 'utf8', env: { ...process.env, ...env } });
    const out = `${run.stdout}${run.stderr}`;
    const lines = out.split('\n').filter((l) => /^(INTEGRATION|RESULT|FAIL)|first spans not kept|DOM:/.test(l.trim()));
    const ok = run.status === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok' : 'FAIL'} ${build} in ${browser}\n  ${(lines.length ? lines : out.split('\n').slice(-10)).join('\n  ')}`);
  }
}
process.exitCode = failed ? 1 : 0;
