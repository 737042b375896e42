// A plugin that hands each JS module the bundler gives it back unchanged,
// through unplugin as als-wasm/plugin does: what routing the modules through
// a JS plugin costs each bundler on its own, the floor under the plugin's
// build time (build-time.mjs, the `floor` builds).
import { createUnplugin } from 'unplugin';

const SCRIPT = /\.[cm]?[jt]sx?$/;

export default createUnplugin(() => ({
  name: 'noop',
  transformInclude: (id) => SCRIPT.test(id.replace(/[?#].*$/, '')),
  transform: (code) => ({ code, map: null }),
}));
