// The module's own imports (one without a semicolon) and a re-export must
// keep running before the helpers' import, which comes after the last one.
import { setTimeout as delay } from 'node:timers/promises'
import 'node:process';
export { EventEmitter } from 'node:events';import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from "als-wasm/plugin/runtime";
const order = [];
export default async function main() {const __als_t = __als_begin(); try {
  order.push(__als_resumed(__als_t, await __als_suspend(__als_t, delay(1, 'slept'))));
  return order;
} finally { __als_done(__als_t); }}
