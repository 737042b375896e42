// The index served by `cargo xtask demo` links every demo, and each link opens.
const DEMO_PAGES = ['/logger/', '/http-context/', '/waterfall/', '/langgraph/'];

export const tests = [
  {
    name: 'index: links every demo, and each opens with a title',
    async run(page, { base, shot }) {
      await page.goto(`${base}/`);
      const links = await page.$$eval('.cards a', (as) => as.map((a) => new URL(a.href).pathname));
      for (const want of DEMO_PAGES) if (!links.includes(want)) throw new Error(`index has no link to ${want} (has ${links})`);
      await shot('index');
      for (const link of links) {
        await page.goto(`${base}/`);
        await page.click(`.cards a[href="${link}"]`);
        // By path: the logger puts its seed in the query as its script runs,
        // so a loaded machine that waits after that never saw the bare URL
        // (a 30 s timeout, twice in CI). The title is there once parsed.
        await page.waitForURL((url) => url.pathname === link, { waitUntil: 'domcontentloaded' });
        const title = await page.title();
        if (!title || title === 'not found') throw new Error(`${link} has no title`);
      }
    },
  },
];
