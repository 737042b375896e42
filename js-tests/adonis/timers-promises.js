// The part of node:timers/promises the AdonisJS guide uses, for the browser.
export function setTimeout(ms, value) {
  return new Promise((resolve) => globalThis.setTimeout(() => resolve(value), ms));
}
