// The page: one realm per implementation (run.html?impl=…, an iframe each),
// their lines collected by postMessage and drawn side by side with counts.
import { classify, countsLine } from './tally.js';
import { PRINTS } from './reference.js';

const IMPLS = ['als-wasm', 'als-browser', 'zone.js'];
const COLOUR = { kept: 'ok', lost: 'bad', mixed: 'mixed' };
const MAX_REQUESTS = 200;

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
$('requests').value = params.get('requests') ?? 40;
$('seed').value = params.get('seed') ?? Math.floor(Math.random() * 1e6);

// Runs are numbered: a message from a realm of an earlier run is ignored.
let run = 0;
const panels = new Map();

function start() {
  run++;
  const requests = Math.min(MAX_REQUESTS, Math.max(1, Math.floor(Number($('requests').value)) || 40));
  const seed = Math.floor(Number($('seed').value)) >>> 0;
  $('requests').value = requests;
  $('seed').value = seed;
  history.replaceState(null, '', `?seed=${seed}&requests=${requests}`);
  $('status').textContent = `running ${requests} requests, seed ${seed}…`;
  for (const panel of panels.values()) retire(panel);
  panels.clear();
  $('panels').append(...IMPLS.map((impl) => newPanel(impl, { seed, requests })));
}

// Removing a panel removes its iframe, and with it its realm. A realm still
// running is hidden first and removed once it reports done: WebKitGTK's web
// process spins at 100% CPU, for good, when an iframe goes away (or is moved)
// with a fetch in flight; seen with a plain fetch in a frame with no library.
// Its lines no longer count: runs are numbered.
const retired = new Set();
function retire({ node, frame }) {
  if (node.dataset.status !== 'running') return node.remove();
  node.hidden = true;
  node.className = 'retired';
  retired.add(frame);
}

function newPanel(impl, { seed, requests }) {
  const node = $('panel').content.firstElementChild.cloneNode(true);
  node.dataset.impl = impl;
  node.querySelector('.name').textContent = impl;
  version(impl).then((v) => (node.querySelector('.version').textContent = v));
  const frame = document.createElement('iframe');
  frame.className = 'realm';
  frame.title = `${impl} realm`;
  frame.src = `run.html?${new URLSearchParams({ impl, run, seed, requests })}`;
  node.append(frame);
  panels.set(impl, { node, frame, counts: { kept: 0, lost: 0, mixed: 0 } });
  return node;
}

const versions = new Map();
function version(pkg) {
  if (!versions.has(pkg)) {
    versions.set(pkg, fetch(`/node_modules/${pkg}/package.json`).then((r) => r.json()).then((p) => p.version, () => ''));
  }
  return versions.get(pkg);
}

const ON = {
  reference(panel, { lines }) {
    const same = lines.length === PRINTS.length && lines.every((l, i) => l === PRINTS[i]);
    const verdict = panel.node.querySelector('.verdict');
    verdict.textContent = same ? '✓ as documented' : '✗ not as documented';
    verdict.className = `verdict ${same ? 'ok' : 'bad'}`;
    panel.node.querySelector('.reference-output').textContent = lines.join('\n');
  },
  line(panel, { text, truth }) {
    const kind = classify(text, truth);
    panel.counts[kind]++;
    const log = panel.node.querySelector('.log');
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    const row = document.createElement('div');
    row.className = `line ${COLOUR[kind]}`;
    row.append(span('who', truth), span('said', text));
    log.append(row);
    if (atBottom) log.scrollTop = log.scrollHeight;
    showCounts(panel);
  },
  error(panel, { message }) {
    panel.node.querySelector('.errors').textContent += `${message}\n`;
  },
  done(panel, { ms, timedOut, errors }) {
    if (panel.node.dataset.status !== 'running') return;
    panel.node.dataset.status = 'done';
    for (const message of errors) ON.error(panel, { message });
    if (timedOut) ON.error(panel, { message: 'timed out: some requests never finished' });
    showCounts(panel);
    const finished = [...panels.values()].every((p) => p.node.dataset.status === 'done');
    if (finished) $('status').textContent = `done: ${$('requests').value} requests, seed ${$('seed').value}`;
    panel.node.querySelector('.counts').title = ms === undefined ? '' : `finished in ${ms} ms`;
  },
};

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function showCounts({ node, counts }) {
  const el = node.querySelector('.counts');
  el.textContent = countsLine(counts);
  el.className = `counts ${counts.lost || counts.mixed ? 'bad' : 'ok'}`;
  const bar = node.querySelector('.bar').children;
  ['kept', 'lost', 'mixed'].forEach((kind, i) => (bar[i].style.flexGrow = counts[kind]));
}

addEventListener('message', (e) => {
  const { impl, run: from, type } = e.data ?? {};
  const finished = type === 'done' && [...retired].find((frame) => frame.contentWindow === e.source);
  if (finished) {
    retired.delete(finished);
    finished.closest('.retired').remove();
  }
  const panel = panels.get(impl);
  if (e.origin !== location.origin || !panel || e.source !== panel.frame.contentWindow) return;
  if (from === String(run) && ON[type]) ON[type](panel, e.data);
});

$('controls').addEventListener('submit', (e) => {
  e.preventDefault();
  start();
});

for (const pre of document.querySelectorAll('pre[data-source]')) {
  fetch(pre.dataset.source).then((r) => r.text()).then((t) => (pre.textContent = `// ${pre.dataset.source}\n${t}`));
}

start();
