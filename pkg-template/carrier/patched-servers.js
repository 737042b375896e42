// The patch carrier forced on a server (`als-wasm/browser` under the node,
// deno and bun conditions: browser.server.js): guards its servers' handlers
// (host-guards.js). Imported before the carrier is installed: loading
// node:http on Deno replaces its global MessageChannel, which the carrier
// then patches.
import { guardPatchedServers } from './host-guards.js';

guardPatchedServers(globalThis);
