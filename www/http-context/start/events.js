// Event listeners, registered at module top level as in the guide's
// `emitter.on('new:user', …)`: they have no request of their own and read
// the one they run in.
import { emitter } from '../app/services/emitter.js';
import { HttpContext } from '../app/http_context.js';
import { seenHere } from '../app/probe.js';
import { recordAfterResponse } from '../app/pitfalls/after_response_log.js';

// How long the deferred listener waits, like one that batches analytics.
const DEFER_MS = 25;

// Runs inside emit(), so inside the request that emitted: it reports what it
// saw on the event, for the controller to put in the response.
emitter.on('post:viewed', (view) => {
  view.seenByListener = seenHere();
});

// The guide's warning: work deferred from a listener runs once the response
// has been sent. The timer keeps the context, so HttpContext.get() still
// answers the request, but that request is over.
emitter.on('post:viewed', (view) => {
  setTimeout(() => {
    const ctx = HttpContext.get();
    recordAfterResponse(view.requestId, {
      ...seenHere(),
      answered: ctx?.response.answered ?? null,
      answeredAt: ctx?.response.answeredAt ?? null,
    });
  }, DEFER_MS);
});
