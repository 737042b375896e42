// The app's event emitter, AdonisJS's `emitter` service in miniature. emit()
// dispatches synchronously, as Node's EventEmitter: listeners run inside the
// emitting code, hence in its request's context.
class Emitter extends EventTarget {
  emit(name, data) {
    this.dispatchEvent(new CustomEvent(name, { detail: data }));
  }

  on(name, listener) {
    this.addEventListener(name, (event) => listener(event.detail));
  }
}

export const emitter = new Emitter();
