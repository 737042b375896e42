// A post and its likes, from IndexedDB. `isLiked` is the guide's example: a
// model getter that finds the current user through HttpContext.getOrFail(),
// though nobody passes it the request.
import { HttpContext } from '../http_context.js';
import { query } from '../services/database.js';
import { seenHere } from '../probe.js';

export class Post {
  constructor(row, likes) {
    this.id = row.id;
    this.title = row.title;
    this.authorId = row.authorId;
    this.likes = likes;
    // What the demo's probes saw, while loading and in isLiked.
    this.$seen = {};
  }

  get isLiked() {
    const ctx = HttpContext.getOrFail();
    this.$seen.isLiked = seenHere();
    return this.likes.some((like) => like.userId === ctx.auth.user.id);
  }

  static async find(id) {
    const { value: row, seen } = await query((db) => db.transaction('posts').objectStore('posts').get(id));
    if (!row) return null;
    const { value: likes } = await query((db) => db.transaction('likes').objectStore('likes').index('postId').getAll(id));
    const post = new Post(row, likes);
    post.$seen.load = seen;
    return post;
  }
}
