// The Deno reference's logWithId, with two changes: the line goes to `write`
// rather than console.log, and `truth` (the id of the request that really
// called it, its own closure variable) travels beside it for the scoreboard.
// The printed id comes from the storage under test only.
export function makeLogger(storage, write) {
  return function logWithId(msg, truth) {
    const id = storage.getStore();
    write({ text: `${id !== undefined ? id : '-'}: ${msg}`, truth });
  };
}
