// Imported first by every unjs entry, before any library: keeps what
// console.warn prints (unctx's and als-wasm/global's warnings are printed
// while modules are evaluated, before the app runs) and mirrors it into the
// page's log as `WARN …`.
const warn = console.warn.bind(console);
globalThis.__warnings = [];
console.warn = (...args) => {
  warn(...args);
  const text = args.map(String).join(' ');
  globalThis.__warnings.push(text);
  console.log(`WARN ${text}`);
};
