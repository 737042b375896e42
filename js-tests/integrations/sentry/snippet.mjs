// The snippet of Sentry's own report on browser isolation: two concurrent
// startSpan callbacks each wait, then print the name of the active span. With
// isolated contexts they print "outer 1" and "outer 2"; on the stack each
// sees whichever span is on top when it resumes.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function outerSpans(Sentry) {
  const printed = [];
  const name = () => {
    const span = Sentry.getActiveSpan();
    if (!span) return 'no span';
    const json = Sentry.spanToJSON(span);
    return json.name ?? json.description; // 11.x names it name, 9.x and 10.x description
  };
  await Promise.all([
    Sentry.startSpan({ name: 'outer 1' }, async () => {
      await sleep(20);
      printed[0] = name();
    }),
    Sentry.startSpan({ name: 'outer 2' }, async () => {
      await sleep(30);
      printed[1] = name();
    }),
  ]);
  return printed;
}
