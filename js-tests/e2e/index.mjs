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
        // The title is there once the document is parsed; the load event
        // also waits for every resource, which took over 30 s once under the
        // other lane's load (the logger demo passed its own test right after).
        await page.waitForURL(`${base}${link}`, { waitUntil: 'domcontentloaded' });
        const title = await page.title();
        if (!title || title === 'not found') throw new Error(`${link} has no title`);
      }
    },
  },
];
