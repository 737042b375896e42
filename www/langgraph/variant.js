// Loads the page's build (all three made by `cargo xtask demo`): the app
// bundled with als-wasm and its plugin; `?plugin=off` without the plugin;
// `?als=off` without als-wasm at all.
const params = new URLSearchParams(location.search);
const build = params.get('als') === 'off' ? 'control' : params.get('plugin') === 'off' ? 'als-wasm-no-plugin' : 'als-wasm';
const link = (id, set) => {
  const url = new URL(location.href);
  url.searchParams.delete('als');
  url.searchParams.delete('plugin');
  if (set) url.searchParams.set(...set);
  document.getElementById(id).href = url.href;
};
link('with', null);
link('no-plugin', ['plugin', 'off']);
link('without', ['als', 'off']);
await import(`./build/${build}.js`);
