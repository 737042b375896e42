// GET posts/:id — awaits a timer and a real network fetch, loads the post
// from IndexedDB and its author from the Cache API, then emits post:viewed.
// Only `ctx.seen` is written through the ctx argument: every layer reports
// what HttpContext.get() answered it.
import { Post } from '../models/post.js';
import { cachedAuthors } from '../services/fixtures_cache.js';
import { emitter } from '../services/emitter.js';
import { sleep } from '../services/timers.js';
import { seenHere } from '../probe.js';

export default class PostsController {
  async show(ctx) {
    const { wait = '0', delay = '0' } = ctx.request.qs();
    await sleep(Number(wait));
    // The demo server answers after `delay` ms: a real request in flight.
    await fetch(`/api/delay?ms=${Number(delay)}`).then((response) => response.json());
    ctx.seen.controller = seenHere();

    const post = await Post.find(Number(ctx.params.id));
    if (!post) throw Object.assign(new Error(`no post ${ctx.params.id}`), { status: 404 });
    ctx.seen.idbCallback = post.$seen.load.callback;
    ctx.seen.idbAfterAwait = post.$seen.load.afterAwait;

    const { value: authors, seen: cacheSeen } = await cachedAuthors();
    ctx.seen.cacheRead = cacheSeen;

    const body = {
      id: post.id,
      title: post.title,
      author: authors[post.authorId]?.name ?? null,
      likedBy: post.likes.map((like) => like.userId),
      isLiked: post.isLiked,
    };
    ctx.seen.modelGetter = post.$seen.isLiked;

    const view = { requestId: ctx.request.id(), postId: post.id };
    emitter.emit('post:viewed', view);
    ctx.seen.eventListener = view.seenByListener ?? null;
    return body;
  }
}
