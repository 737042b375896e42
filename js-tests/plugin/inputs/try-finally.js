// await in try, catch and finally, a rejection, and return await in try.
async function inner(log) {
  try {
    return await 'returned';
  } finally {
    log.push(await 'cleanup');
  }
}

export default async function main() {
  const log = [];
  try {
    log.push(await 'try');
    await Promise.reject(new Error('boom'));
  } catch (e) {
    log.push(await e.message);
  } finally {
    log.push(await 'finally');
  }
  log.push(await inner(log));
  return log;
}
