// The module's own imports (one without a semicolon) and a re-export must
// keep running before the helpers' import, which comes after the last one.
import { setTimeout as delay } from 'node:timers/promises'
import 'node:process';
export { EventEmitter } from 'node:events';import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";
const order = [];
export default async function main() {
  order.push(__als_resume(await __als_awaited( delay(1, 'slept'))));
  return order;
}
