// Cases of als-wasm's manager beyond OpenTelemetry's suites (`otel: ...`).
import { test, ok } from '../support/harness.mjs';
import { openTelemetry, isNode } from '../support/subject.mjs';
import { is, element } from './opentelemetry-support.mjs';

// Node's MessagePort is an EventTarget with emitter methods (on, emit,
// removeListener) over addEventListener. bind() patches both kinds of method,
// so a listener added either way runs in the bound context and can be
// removed as it was added. OTel's own manager binds only EventEmitters
// (instanceof), so it leaves such an object as it is.
test(
  'otel: bind() of an EventTarget with emitter methods (as Node\'s MessagePort) binds both kinds of listener',
  async () => {
    const { AsyncLocalStorageContextManager: Manager, api } = await openTelemetry();
    class Port extends EventTarget {
      on(type, listener) {
        this.addEventListener(type, listener);
        return this;
      }
      removeListener(type, listener) {
        this.removeEventListener(type, listener);
        return this;
      }
      emit(type) {
        return this.dispatchEvent(new Event(type));
      }
    }
    const manager = new Manager().enable();
    const context = api.ROOT_CONTEXT.setValue(api.createContextKey('test key 1'), 1);
    const port = manager.bind(context, new Port());
    const seen = [];
    const viaTarget = () => seen.push(['target', manager.active()]);
    const viaEmitter = () => seen.push(['emitter', manager.active()]);
    port.addEventListener('a', viaTarget);
    port.on('b', viaEmitter);
    port.emit('a');
    port.emit('b');
    is(seen.length, 2, 'each listener ran once');
    is(seen[0][1], context, 'the addEventListener listener');
    is(seen[1][1], context, 'the on() listener');
    port.removeEventListener('a', viaTarget);
    port.removeListener('b', viaEmitter);
    ok(port.emit('a') && port.emit('b'));
    is(seen.length, 2, 'both listeners removed');
    manager.disable();
  },
  { fails: isNode },
);

// An EventTarget's listener may be an object with handleEvent, looked up at
// each event as the DOM does; adding one listener twice stays one listener,
// as on an unbound target; both are removed as they were added.
test(
  'otel: bind(element) binds handleEvent objects, and one listener added twice runs once',
  async () => {
    const { AsyncLocalStorageContextManager: Manager, api } = await openTelemetry();
    const manager = new Manager().enable();
    const context = api.ROOT_CONTEXT.setValue(api.createContextKey('test key 1'), 1);
    const target = manager.bind(context, element());
    const seen = [];
    const object = { handleEvent: () => seen.push(['first', manager.active()]) };
    const fn = () => seen.push(['fn', manager.active()]);
    target.addEventListener('x', object);
    target.addEventListener('x', fn);
    target.addEventListener('x', fn);
    target.dispatchEvent(new Event('x'));
    object.handleEvent = () => seen.push(['second', manager.active()]);
    target.dispatchEvent(new Event('x'));
    is(seen.map(([name]) => name).join(), 'first,fn,second,fn');
    ok(seen.every(([, active]) => active === context), 'every listener ran in the bound context');
    target.removeEventListener('x', object);
    target.removeEventListener('x', fn);
    target.dispatchEvent(new Event('x'));
    is(seen.length, 4, 'both listeners removed');
    manager.disable();
  },
  { fails: isNode },
);
