import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// await in try, catch and finally, a rejection, and return await in try.
async function inner(log) {
  try {
    return __als_resume(await __als_awaited( 'returned'));
  } finally {
    log.push(__als_resume(await __als_awaited( 'cleanup')));
  }
}

export default async function main() {
  const log = [];
  try {
    log.push(__als_resume(await __als_awaited( 'try')));
    __als_resume(await __als_awaited( Promise.reject(new Error('boom'))));
  } catch (e) {
    log.push(__als_resume(await __als_awaited( e.message)));
  } finally {
    log.push(__als_resume(await __als_awaited( 'finally')));
  }
  log.push(__als_resume(await __als_awaited( inner(log))));
  return log;
}
