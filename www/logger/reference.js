// Deno's AsyncLocalStorage reference example, as written, with the changes a
// browser forces: no http server (onRequest is its handler, called twice as
// the two http.get calls would) and setTimeout for setImmediate, which
// browsers do not have.
export function reference(AsyncLocalStorage, console) {
  const asyncLocalStorage = new AsyncLocalStorage();

  function logWithId(msg) {
    const id = asyncLocalStorage.getStore();
    console.log(`${id !== undefined ? id : '-'}:`, msg);
  }

  let idSeq = 0;
  function onRequest() { // was http.createServer((req, res) => …)
    asyncLocalStorage.run(idSeq++, () => {
      logWithId('start');
      // Imagine any chain of async operations here
      setTimeout(() => { // was setImmediate: browsers have none
        logWithId('finish');
      });
    });
  }

  onRequest(); // was http.get('http://localhost:8080')
  onRequest();
  // Prints:
  //   0: start
  //   1: start
  //   0: finish
  //   1: finish
}

export const PRINTS = ['0: start', '1: start', '0: finish', '1: finish'];
