// Events a call causes later run in that call's frame:
// only a call that succeeded re-targets its object, a call's synchronous
// events run in its own frame, a synthetic event runs in its dispatcher's,
// and each MessagePort message keeps its own postMessage's frame whether or
// not a listener heard the messages before it. Browser semantics: patch
// carrier only.
import { test, equal } from '../support/harness.mjs';
import { carrier } from '../support/subject.mjs';
import { storage, sleep } from '../support/flows.mjs';

const g = globalThis;
const browserSemantics = carrier === 'patch';
const seenId = () => storage.getStore()?.id;
const inFlow = (id, fn) => storage.run({ id }, fn);
// Until done() holds (messages arrive later on a busy machine), 5 s at most.
const until = async (done) => {
  for (const end = Date.now() + 5000; !done() && Date.now() < end; ) await sleep(5);
};
// Long enough for a message no listener hears to be dropped first.
const DROPPED_MS = 50;

if (typeof g.MessageChannel === 'function' && browserSemantics) {
  test('propagation: a message no listener heard does not shift the frames of later messages', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port2.onmessage = (event) => seen.push(`${event.data}:${seenId()}`);
    inFlow(1, () => port1.postMessage('a'));
    await until(() => seen.length === 1);
    port2.onmessage = null;
    inFlow(2, () => port1.postMessage('unheard'));
    await sleep(DROPPED_MS);
    port2.onmessage = (event) => seen.push(`${event.data}:${seenId()}`);
    inFlow(3, () => port1.postMessage('c'));
    await until(() => seen.some((s) => s.startsWith('c:')));
    port1.close();
    port2.close();
    equal(seen.join(), 'a:1,c:3');
  });

  test('propagation: a message to a port started with no listener does not shift the frames of later messages', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port2.start();
    inFlow(1, () => port1.postMessage('unheard'));
    await sleep(DROPPED_MS);
    port2.addEventListener('message', (event) => seen.push(`${event.data}:${seenId()}`));
    inFlow(2, () => port1.postMessage('b'));
    await until(() => seen.some((s) => s.startsWith('b:')));
    port1.close();
    port2.close();
    // Bun holds the unheard message for the first listener; browsers drop it.
    equal(seen.filter((s) => s !== 'unheard:1').join(), 'b:2');
  });

  test('propagation: a synthetic message event runs in its dispatcher\'s frame and shifts nothing', async () => {
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port2.addEventListener('message', (event) => seen.push(`${event.data}:${seenId()}`));
    port2.start();
    inFlow(1, () => port1.postMessage('real 1'));
    inFlow(2, () => port2.dispatchEvent(new MessageEvent('message', { data: 'synthetic' })));
    port2.dispatchEvent(new MessageEvent('message', { data: 'root synthetic' }));
    inFlow(3, () => port1.postMessage('real 3'));
    await until(() => seen.length >= 4);
    port1.close();
    port2.close();
    equal(seen.join(), 'synthetic:2,root synthetic:undefined,real 1:1,real 3:3');
  });
}

if (typeof g.XMLHttpRequest === 'function' && typeof g.location === 'object') {
  const url = () => `${location.href.split('?')[0]}?xhr=${Math.random()}`;
  const loaded = (xhr) => new Promise((resolve) => xhr.addEventListener('loadend', resolve, { once: true }));

  test('propagation: an XHR send() that throws leaves the earlier send\'s events in their frame', async () => {
    const xhr = new XMLHttpRequest();
    const seen = [];
    xhr.addEventListener('load', () => seen.push(seenId()));
    inFlow(1, () => {
      xhr.open('GET', url());
      xhr.send();
    });
    let threw = false;
    inFlow(2, () => {
      try {
        xhr.send();
      } catch {
        threw = true;
      }
    });
    await loaded(xhr);
    equal(threw, true, 'the second send() threw');
    equal(seen.join(), '1');
  });

  test('propagation: a reused XHR runs open()\'s readystatechange in open()\'s frame, and synthetic events in the dispatcher\'s', async () => {
    const xhr = new XMLHttpRequest();
    const seen = [];
    xhr.onreadystatechange = () => seen.push(`${xhr.readyState}:${seenId()}`);
    xhr.addEventListener('ping', () => seen.push(`ping:${seenId()}`));
    inFlow(1, () => {
      xhr.open('GET', url());
      xhr.send();
    });
    await loaded(xhr);
    seen.length = 0;
    inFlow(2, () => xhr.open('GET', url()));
    xhr.dispatchEvent(new Event('readystatechange'));
    inFlow(3, () => xhr.dispatchEvent(new Event('ping')));
    equal(seen.join(), '1:2,1:undefined,ping:3');
  });
}

if (typeof g.FileReader === 'function' && typeof g.Blob === 'function' && browserSemantics) {
  test('propagation: a FileReader read that throws leaves the earlier read\'s events in their frame', async () => {
    const reader = new FileReader();
    const seen = [];
    const done = new Promise((resolve) => reader.addEventListener('loadend', resolve));
    reader.addEventListener('load', () => seen.push(seenId()));
    inFlow(1, () => reader.readAsText(new Blob(['first'])));
    let threw = false;
    inFlow(2, () => {
      try {
        reader.readAsText(new Blob(['second']));
      } catch {
        threw = true;
      }
    });
    await done;
    equal(threw, true, 'the second read threw');
    equal(seen.join(), '1');
  });
}
