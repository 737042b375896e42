import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done, caught as __als_caught } from "als-wasm/plugin/runtime";// await in try, catch and finally, a rejection, and return await in try.
async function inner(log) {const __als_t = __als_begin(); try {
  try {
    return __als_resumed(__als_t, await __als_suspend(__als_t, 'returned'));
  } finally {__als_caught(__als_t);
    log.push(__als_resumed(__als_t, await __als_suspend(__als_t, 'cleanup')));
  }
} finally { __als_done(__als_t); }}

export default async function main() {const __als_t = __als_begin(); try {
  const log = [];
  try {
    log.push(__als_resumed(__als_t, await __als_suspend(__als_t, 'try')));
    __als_resumed(__als_t, await __als_suspend(__als_t, Promise.reject(new Error('boom'))));
  } catch (e) {__als_caught(__als_t);
    log.push(__als_resumed(__als_t, await __als_suspend(__als_t, e.message)));
  } finally {__als_caught(__als_t);
    log.push(__als_resumed(__als_t, await __als_suspend(__als_t, 'finally')));
  }
  log.push(__als_resumed(__als_t, await __als_suspend(__als_t, inner(log))));
  return log;
} finally { __als_done(__als_t); }}
