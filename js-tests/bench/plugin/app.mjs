// A generated app of about 1 MB (MODULES modules) for the plugin's build-time
// overhead (build-time.mjs): services with the awaits of a real browser app
// (fetch and json, try/finally, Promise.all over async arrows, for await,
// async generators, `await next()` in middleware, class fields), one module
// in five without any await (formatting, validation, constants), and an
// entry that keeps every export alive. The services log through an
// AsyncLocalStorage of als-wasm, as an app that uses the plugin would, so
// that both builds bundle the package. Deterministic: the same app each run.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MODULES = 196;

const NOUNS = ['user', 'order', 'invoice', 'product', 'cart', 'session', 'comment', 'ticket', 'project',
  'task', 'report', 'payment', 'shipment', 'review', 'coupon', 'team', 'message', 'file', 'event', 'audit'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

// mulberry32: a small seeded generator, so the app is the same every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Methods of a service class for entity `e` (lower case), `E` (capitalized), variant `k`.
const METHODS = [
  (e, E, k) => `
  async get${k}(id) {
    if (this.#cache.has(id)) return this.#cache.get(id);
    const res = await request(\`\${BASE}/\${id}?v=${k}\`);
    if (!res.ok) throw new HttpError(res.status, \`${e} \${id} not found\`);
    const item = normalize${E}(await res.json());
    this.#cache.set(id, item);
    return item;
  }`,
  (e, E, k) => `
  async list${k}({ page = 1, size = 20, sort = 'name' } = {}) {
    const res = await request(\`\${BASE}?page=\${page}&size=\${size}&sort=\${sort}\`);
    const { items, total } = await res.json();
    log('${e}.list${k}', { page, total });
    return { items: items.map(normalize${E}), total, pages: Math.ceil(total / size) };
  }`,
  (e, E, k) => `
  async save${k}(item) {
    const body = JSON.stringify(validate${E}(item));
    try {
      const res = await request(BASE, { method: item.id ? 'PUT' : 'POST', body });
      const saved = normalize${E}(await res.json());
      this.#cache.set(saved.id, saved);
      return saved;
    } catch (error) {
      log('${e}.save${k} failed', { error: String(error) });
      throw error;
    } finally {
      await this.flush();
    }
  }`,
  (e, E, k) => `
  async loadMany${k}(ids) {
    const found = await Promise.all(ids.map(async (id) => {
      try {
        return await this.get0(id);
      } catch {
        return null;
      }
    }));
    return found.filter(Boolean);
  }`,
  (e, E, k) => `
  async *pages${k}(size = 50) {
    for (let page = 1; ; page++) {
      const { items } = await this.list1({ page, size });
      if (items.length === 0) return;
      yield* items;
    }
  }`,
  (e, E, k) => `
  async count${k}(filter = {}) {
    let total = 0;
    for await (const item of this.pages2()) {
      if (Object.entries(filter).every(([key, value]) => item[key] === value)) total++;
    }
    return total;
  }`,
  (e, E, k) => `
  async remove${k}(id) {
    const cached = this.#cache.get(id);
    await request(\`\${BASE}/\${id}\`, { method: 'DELETE' });
    this.#cache.delete(id);
    await this.events.emit('${e}:removed', cached ?? { id });
    return true;
  }`,
  (e, E, k) => `
  retry${k} = async (fn, attempts = 3) => {
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (error) {
        if (i + 1 >= attempts) throw error;
        await sleep(2 ** i * 100);
      }
    }
  };`,
];

// Functions without any await, for the modules without one.
const PURE = [
  (e, E, k) => `
export function format${E}${k}(item, locale = 'en') {
  const date = new Date(item.updatedAt ?? 0);
  const parts = [item.name, item.status, date.toLocaleDateString(locale)];
  return parts.filter((p) => p !== undefined && p !== '').join(' · ');
}`,
  (e, E, k) => `
export function check${E}${k}(item) {
  const errors = [];
  if (typeof item.name !== 'string' || item.name.length === 0) errors.push('name is required');
  if (item.name && item.name.length > 120) errors.push('name is too long');
  if (item.email && !/^[^@\\s]+@[^@\\s]+$/.test(item.email)) errors.push('email is invalid');
  if (item.amount !== undefined && !(Number.isFinite(item.amount) && item.amount >= 0)) errors.push('amount must be positive');
  return errors;
}`,
  (e, E, k) => `
export const ${e.toUpperCase()}_COLUMNS_${k} = [
  { key: 'id', label: 'ID', width: 80, sortable: true },
  { key: 'name', label: '${E} name', width: 240, sortable: true },
  { key: 'status', label: 'Status', width: 120, sortable: true },
  { key: 'owner', label: 'Owner', width: 160, sortable: false },
  { key: 'updatedAt', label: 'Updated', width: 140, sortable: true, format: (v) => new Date(v).toISOString() },
];`,
  (e, E, k) => `
export function group${E}s${k}(items, key = 'status') {
  const groups = new Map();
  for (const item of items) {
    const value = item[key] ?? 'none';
    if (!groups.has(value)) groups.set(value, []);
    groups.get(value).push(item);
  }
  return [...groups].sort(([a], [b]) => String(a).localeCompare(String(b)));
}`,
];

function serviceModule(i, rnd) {
  const e = NOUNS[i % NOUNS.length];
  const E = `${cap(e)}${i}`;
  const methods = [];
  // get0, list1 and pages2 first: the other methods call them.
  const first = [0, 1, 4];
  for (let k = 0; k < 14; k++) methods.push(METHODS[k < 3 ? first[k] : Math.floor(rnd() * METHODS.length)](e, E, k));
  return `// ${cap(e)}s: the REST client, cached, and its middleware.
import { request, sleep, HttpError } from './lib/http.js';
import { log } from './lib/log.js';

const BASE = '/api/${e}s/${i}';

function normalize${E}(raw) {
  return {
    id: raw.id,
    name: String(raw.name ?? '').trim(),
    status: raw.status ?? 'active',
    owner: raw.owner ?? null,
    updatedAt: raw.updated_at ? Date.parse(raw.updated_at) : Date.now(),
  };
}

function validate${E}(item) {
  if (!item || typeof item !== 'object') throw new TypeError('${e}: an object is required');
  const { id, name, status = 'active', owner = null } = item;
  return { id, name: String(name), status, owner };
}

export class ${E}Service {
  #cache = new Map();
  ready = Promise.resolve(true);

  constructor(events) {
    this.events = events;
  }

  async flush() {
    await this.ready;
    if (this.#cache.size > 500) this.#cache.clear();
  }
${methods.join('\n')}
}

export async function ${e}Middleware${i}(ctx, next) {
  const started = performance.now();
  ctx.${e} = ctx.params.id ? await ctx.services.${e}.get0(ctx.params.id) : null;
  await next();
  log('${e} request', { ms: performance.now() - started });
}
`;
}

function pureModule(i, rnd) {
  const e = NOUNS[i % NOUNS.length];
  const E = `${cap(e)}${i}`;
  const parts = [];
  for (let k = 0; k < 18; k++) parts.push(PURE[Math.floor(rnd() * PURE.length)](e, E, k));
  return `// ${cap(e)}s: formatting, checks and table columns (no async code).\n${parts.join('\n')}\n`;
}

const LIB = {
  'lib/http.js': `// fetch with a timeout and JSON errors.
export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function request(url, init = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const res = await fetch(url, { ...init, signal: controller.signal, headers: { 'content-type': 'application/json' } });
    if (res.status >= 500) throw new HttpError(res.status, await res.text());
    return res;
  } finally {
    clearTimeout(timer);
  }
}
`,
  'lib/log.js': `// Log lines tagged with the request they belong to.
import { AsyncLocalStorage } from 'als-wasm';

export const requestContext = new AsyncLocalStorage();

export function log(message, data = {}) {
  const request = requestContext.getStore();
  console.debug(JSON.stringify({ request: request?.id ?? null, message, ...data }));
}
`,
};

// Writes the app into `dir` (emptied first). Answers { entry, bytes, modules }.
export async function writeApp(dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'lib'), { recursive: true });
  const rnd = random(15);
  const files = { ...LIB };
  const names = [];
  for (let i = 0; i < MODULES; i++) {
    const name = `m${i}.js`;
    files[name] = i % 5 === 4 ? pureModule(i, rnd) : serviceModule(i, rnd);
    names.push(name);
  }
  // An app's entry: nothing exported, so bundlers in app mode (Vite) would
  // drop what it does not use; a global keeps every module.
  files['main.js'] = `// Every module, kept alive through its namespace.
import { requestContext } from './lib/log.js';
${names.map((n, i) => `import * as m${i} from './${n}';`).join('\n')}

globalThis.app = { requestContext, modules: [${names.map((_, i) => `m${i}`).join(', ')}] };
`;
  let bytes = 0;
  for (const [path, text] of Object.entries(files)) {
    await writeFile(join(dir, path), text);
    bytes += Buffer.byteLength(text);
  }
  return { entry: join(dir, 'main.js'), bytes, modules: Object.keys(files).length };
}
