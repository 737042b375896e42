// The module's own imports (one without a semicolon) and a re-export must
// keep running before the helpers' import, which comes after the last one.
import { setTimeout as delay } from 'node:timers/promises'
import 'node:process';
export { EventEmitter } from 'node:events';
const order = [];
export default async function main() {
  order.push(await delay(1, 'slept'));
  return order;
}
