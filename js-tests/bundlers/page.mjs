// The html page of one bundled build. It mirrors console.log into
// <pre id="out"> (run-webdriver.mjs reads the log back from there), tells the
// cases what the build did before the bundle loads (impl.mjs: ALS_PLUGIN=1
// only in a plugin build, so the expectation comes from the build, never from
// detection), then imports the bundle; a bundle that fails to load reports
// one failure.
export function page({ title, bundle, plugin, known }) {
  const settings = { ...(plugin ? { ALS_PLUGIN: '1' } : {}), ...(known ? { ALS_KNOWN: known } : {}) };
  const env = Object.keys(settings).length ? `globalThis.__alsTestEnv = ${JSON.stringify(settings)};\n` : '';
  return html(title, `<body>
<pre id="out"></pre>
<script type="module">
const out = document.getElementById('out');
const log = console.log.bind(console);
console.log = (...a) => { log(...a); out.textContent += a.join(' ') + '\\n'; };
${env}try {
  await import('./${bundle}');
} catch (e) {
  console.log(\`FAIL loading the bundle\\n  \${e && e.stack || e}\`);
  globalThis.__alsResult = { passed: 0, failed: 1 };
  console.log(\`RESULT \${JSON.stringify(globalThis.__alsResult)}\`);
}
</script>
</body>`);
}

// A page of `title` around `body` (csp/build.mjs's pages, which may run no
// inline script, hold only a script element).
export function html(title, body) {
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
</head>
${body}
</html>
`;
}
