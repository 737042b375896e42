// A user row from IndexedDB. The demo's "token" is the user id.
import { query } from '../services/database.js';

export class User {
  constructor(row) {
    this.id = row.id;
    this.name = row.name;
  }

  /** The user for `token` (null if none), and what the IndexedDB read saw. */
  static async findByToken(token) {
    const { value: row, seen } = await query((db) => db.transaction('users').objectStore('users').get(token ?? ''));
    return { user: row ? new User(row) : null, seen };
  }
}
