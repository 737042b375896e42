// Draws each run as a card: its question, the review control while
// interrupt() holds it, its answer, what getConfig() answered in each node,
// and its span tree as OpenTelemetry recorded it (✓ under the span that made
// it, ✗ lost or mixed).
import { answerVerdict, readVerdicts } from './checks.js';

const MARK = { kept: '✓', lost: '✗', mixed: '✗' };
const DID = { approve: 'approved', edit: 'edited and approved', reject: 'rejected' };
const STATUS = {
  running: 'researching…',
  waiting: 'waiting for your review',
  resuming: 'resuming…',
  done: 'done',
  failed: 'failed',
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The card's fixed parts; `decide(decision)` is called once, on a click. */
export function makeCard(run, decide) {
  const draft = el('textarea', { class: 'draft', rows: 3, 'aria-label': `draft reply to ${run.user}` });
  const approve = el('button', { class: 'approve' }, 'Approve');
  const reject = el('button', { class: 'reject' }, 'Reject');
  const review = el('div', { class: 'review', hidden: '' }, draft, el('div', {}, approve, ' ', reject, el('span', { class: 'muted' }, ' edit the text to send your own')));
  const send = (action) => {
    approve.disabled = reject.disabled = true;
    const edited = draft.value !== run.interrupt.draft;
    decide({ thread: run.thread, action: action === 'approve' && edited ? 'edit' : action, text: draft.value });
  };
  approve.onclick = () => send('approve');
  reject.onclick = () => send('reject');
  const card = el('section', { class: 'run', 'data-thread': run.thread },
    el('header', {}, el('b', {}, run.user), ' ', el('code', {}, `thread_id ${run.thread}`)),
    el('div', { class: 'status' }),
    el('p', { class: 'question' }, `“${run.question}”`),
    review,
    el('p', { class: 'answer' }),
    el('h3', {}, 'What the nodes read'),
    el('ul', { class: 'reads' }),
    el('h3', {}, 'Spans'),
    el('ul', { class: 'tree' }),
  );
  return { card, draft, review };
}

export function drawRun({ card, draft, review }, run, spans, verdicts) {
  card.dataset.status = run.status;
  const status = card.querySelector('.status');
  status.textContent = run.status === 'failed' ? `failed: ${run.error}` : STATUS[run.status];
  status.className = `status ${run.status === 'failed' ? 'bad' : run.status === 'done' ? 'ok' : 'muted'}`;
  if (run.status === 'waiting' && review.hidden) {
    draft.value = run.interrupt.draft;
    review.hidden = false;
  }
  if (run.status !== 'waiting') review.hidden = true;

  const answer = card.querySelector('.answer');
  const said = run.decision ? `You ${DID[run.decision.action]} the draft. ` : '';
  answer.textContent = run.answer ? `${said}Answer: ${run.answer}` : said;
  if (run.status === 'done') answer.className = `answer ${answerVerdict(run) === 'kept' ? 'ok' : 'bad'}`;

  card.querySelector('.reads').replaceChildren(
    ...readVerdicts(run)
      .filter(({ reached }) => reached || run.status === 'done' || run.status === 'failed')
      .map(({ site, reached, seen, verdict }) => {
        const what = !reached
          ? `${site}: never reached`
          : site === 'interrupt() answered'
            ? `interrupt() answered the decision for ${seen ?? 'nobody'}`
            : `${site}: getConfig() → ${seen ?? 'undefined'}`;
        return el('li', { class: verdict === 'kept' ? 'ok' : 'bad' }, `${MARK[verdict]} ${what}`);
      }),
  );
  card.querySelector('.tree').replaceChildren(...tree(run, spans, verdicts));
}

// The run's trace as a tree from its own span, then the run's spans that
// hang in another trace.
function tree(run, spans, verdicts) {
  const mine = spans.filter((s) => s.claim.run === run.thread);
  const root = mine.find((s) => s.claim.parent === null);
  if (!root) return [];
  const children = new Map();
  for (const s of spans.filter((x) => x.trace === root.trace)) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const item = (s) => {
    const v = verdicts.get(s.id);
    const whose = s.claim.run === run.thread ? '' : ` (made by ${s.claim.run})`;
    const li = el('li', { class: v === 'kept' ? '' : 'bad' }, `${MARK[v]} ${s.name}${whose}${s.ended ? '' : ' …'}`);
    const kids = (children.get(s.id) ?? []).sort((a, b) => a.start - b.start);
    if (kids.length) li.append(el('ul', {}, ...kids.map(item)));
    return li;
  };
  const elsewhere = mine.filter((s) => s.trace !== root.trace).sort((a, b) => a.start - b.start);
  const lost = elsewhere.map((s) => el('li', { class: 'bad' }, `${MARK[verdicts.get(s.id)]} ${s.name}: ${s.parent ? 'in another trace' : 'a new trace'}, not under ${s.claim.parent}`));
  return [item(root), ...lost];
}
