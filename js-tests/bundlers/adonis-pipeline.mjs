// An AdonisJS-style request pipeline: an auth middleware
// awaits a user cache that answers synchronously once warm, a middleware
// awaits a next() that answers undefined, the controller awaits null and a
// query builder (a thenable), then a model getter finds the request through
// HttpContext.getOrFail(). The patch carrier alone loses the store at those
// awaits (a documented limit) but never hands a request another's context;
// with the plugin every request sees its own.
import { test, equal, AssertionError } from '../support/harness.mjs';
import { AsyncLocalStorage, exact } from '../support/subject.mjs';

const storage = new AsyncLocalStorage();

class HttpContext {
  constructor(id, userId) {
    this.id = id;
    this.userId = userId;
    this.user = null;
  }

  static getOrFail() {
    const ctx = storage.getStore();
    if (!ctx) throw new Error('HttpContext.getOrFail(): no HTTP request is running here');
    return ctx;
  }
}

class Post {
  constructor(authorId) {
    this.authorId = authorId;
  }

  // The guide's model getter: nobody passes it the request.
  get isMine() {
    return this.authorId === HttpContext.getOrFail().user.id;
  }

  // A query builder: a thenable, as Knex's and postgrest-js's are.
  static find(authorId) {
    return { then: (resolve) => setTimeout(() => resolve(new Post(authorId)), 1) };
  }
}

const users = new Map();
const findUser = (id) =>
  users.get(id) ?? new Promise((resolve) => setTimeout(() => resolve(users.set(id, { id }).get(id)), 1));

const auth = async (ctx, next) => {
  ctx.user = await findUser(ctx.userId);
  await next();
};
const timing = async (ctx, next) => {
  const started = Date.now();
  await next();
  ctx.took = Date.now() - started;
};
const controller = async () => {
  await null;
  const post = await Post.find(HttpContext.getOrFail().userId);
  return { id: HttpContext.getOrFail().id, isMine: post.isMine };
};

// Runs the layers in order, each with a next() that calls the following one
// and answers undefined; answers what the controller answered.
function handle(ctx) {
  let answered;
  const layers = [auth, timing, () => { answered = controller(); }];
  const at = (i) => () => { layers[i](ctx, at(i + 1)); };
  return layers[0](ctx, at(1)).then(() => answered);
}

test(`adonisjs: await null before a model getter ${exact ? 'keeps each request' : 'loses the request, never mixes it up'}`, async () => {
  // Users 1-3 twice: the second request of a user finds the cache warm.
  const requests = Array.from({ length: 12 }, (_, i) => new HttpContext(i + 1, (i % 3) + 1));
  const outcomes = await Promise.all(
    requests.map((ctx) => storage.run(ctx, () => handle(ctx).then((answer) => answer, (error) => error))),
  );
  const mixed = outcomes.filter((o, i) => o?.id !== undefined && o.id !== requests[i].id);
  if (mixed.length) throw new AssertionError(`requests saw another's context: ${JSON.stringify(mixed)}`);
  const lost = outcomes.filter((o) => o instanceof Error || o === undefined);
  if (exact) {
    equal(lost.length, 0, `requests that lost their context (${lost[0]?.message})`);
    equal(outcomes.filter((o) => o.isMine).length, 12, 'requests whose model getter found their user');
  } else {
    // The limit itself: a carrier that keeps these is noticed here.
    equal(lost.length, 12, 'requests that lost their context after `await null`');
  }
  equal(storage.getStore(), undefined);
});
