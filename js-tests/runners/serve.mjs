// A static file server on 127.0.0.1 (a free port) for js-tests/ (or `dir`),
// for the browser runners, the scratch projects and the browser benchmark.
// Everything under .bundled/csp/ comes with a policy that forbids compiling
// WebAssembly, as Manifest V3 extensions have (csp/build.mjs).
// Answers { server, origin }. Also a PostgREST stand-in under /rest/v1/
// (postgrest() below) for cases/thenable-library.mjs.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const STRICT_CSP = "script-src 'self'; object-src 'self'";
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };

export async function serve(dir = root) {
  const base = dir.endsWith(sep) ? dir : dir + sep;
  const server = http.createServer(async (req, res) => {
    if (req.url.startsWith('/rest/v1/')) return postgrest(req, res).catch((e) => res.writeHead(500).end(String(e)));
    if (req.url.startsWith('/echo-traceparent')) return echoTraceparent(req, res);
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
      const file = join(base, path || 'pages/browser.html');
      if (!file.startsWith(base)) throw new Error('outside');
      const body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (path.startsWith(`.bundled${sep}csp${sep}`)) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// A PostgREST stand-in, enough for @supabase/postgrest-js: one table, todos,
// kept in memory. GET filters with `col=eq.value` and picks `select=a,b`
// columns; POST inserts and answers the rows with `Prefer:
// return=representation`; `Accept: application/vnd.pgrst.object+json`
// (.single()) answers one object. Errors in PostgREST's shape: 404 for an
// unknown table, 400 for an unknown filter operator, 406 for .single() of
// not one row. `x-stub-delay: ms` delays the answer, so that concurrent
// requests finish out of order.
const tables = { todos: [] };
let lastId = 0;

async function postgrest(req, res) {
  const url = new URL(req.url, 'http://x');
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const fail = (status, code, message) => send(status, { code, details: null, hint: null, message });
  let body = '';
  for await (const chunk of req) body += chunk;
  await new Promise((resolve) => setTimeout(resolve, Math.min(Number(req.headers['x-stub-delay']) || 0, 1000)));

  const name = url.pathname.slice('/rest/v1/'.length);
  const table = tables[name];
  if (!table) return fail(404, 'PGRST205', `Could not find the table 'public.${name}' in the schema cache`);
  let rows;
  if (req.method === 'POST') {
    rows = [JSON.parse(body)].flat().map((row) => ({ id: ++lastId, ...row }));
    table.push(...rows);
    if (!String(req.headers.prefer).includes('return=representation')) return send(201);
  } else if (req.method === 'GET') {
    rows = table;
    for (const [column, filter] of url.searchParams) {
      if (column === 'select') continue;
      const [, op, value] = /^(\w+)\.(.*)$/s.exec(filter) ?? [];
      if (op !== 'eq') return fail(400, 'PGRST100', `failed to parse filter (${filter})`);
      rows = rows.filter((row) => String(row[column]) === value);
    }
  } else {
    return fail(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
  }
  const columns = url.searchParams.get('select');
  if (columns && columns !== '*') {
    const names = columns.split(',');
    rows = rows.map((row) => Object.fromEntries(names.map((n) => [n, row[n]])));
  }
  const status = req.method === 'POST' ? 201 : 200;
  if (!String(req.headers.accept).includes('vnd.pgrst.object+json')) return send(status, rows);
  if (rows.length !== 1) return fail(406, 'PGRST116', `The result contains ${rows.length} rows`);
  send(status, rows[0]);
}

// For otel/ (the OpenTelemetry end-to-end pages): answers, after `?delay=`
// ms (at most 1000), the traceparent header the request carried, so a page
// sees what its instrumentation really sent.
function echoTraceparent(req, res) {
  const delay = Math.min(Number(new URL(req.url, 'http://x').searchParams.get('delay')) || 0, 1000);
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ traceparent: req.headers.traceparent ?? null }));
  }, delay);
}
