import { AsyncLocalStorage } from 'als-wasm';

const asyncLocalStorage = new AsyncLocalStorage();
const log = document.getElementById('log');
const lines = [];

function logWithId(msg) {
  const id = asyncLocalStorage.getStore();
  const line = `${id !== undefined ? id : '-'}: ${msg}`;
  lines.push(line);
  log.textContent += line + '\n';
}

let idSeq = 0;

// A simulated request: what http.createServer's handler does in the reference.
function handle(bindCallback) {
  asyncLocalStorage.run(idSeq++, () => {
    logWithId('start');
    const finish = () => logWithId('finish');
    setTimeout(bindCallback ? AsyncLocalStorage.bind(finish) : finish, 10 + Math.random() * 40);
  });
}

function twoRequests(bindCallback) {
  lines.length = 0;
  log.textContent = '';
  handle(bindCallback);
  handle(bindCallback);
  setTimeout(summarize, 120);
}

function summarize() {
  const lost = lines.filter((l) => l.startsWith('-')).length;
  const summary = document.getElementById('summary');
  summary.className = lost ? 'lost' : 'ok';
  summary.textContent = lost ? `${lost} of ${lines.length} lines lost their id` : `all ${lines.length} lines kept their id`;
  document.body.dataset.done = String(lines.length);
}

document.getElementById('plain').onclick = () => twoRequests(false);
document.getElementById('bound').onclick = () => twoRequests(true);
