// A getter (never async itself) whose value comes from an async IIFE, read
// inside another async IIFE.
export default function main() {
  return (async () => {
    const box = {
      get later() { return (async () => await 'got')(); },
    };
    return [await box.later, await (async () => await box.later)()];
  })();
}
