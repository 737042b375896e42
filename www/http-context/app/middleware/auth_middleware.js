// Route middleware: finds the user of `Authorization: Bearer <token>` in
// IndexedDB, or answers 401.
import { User } from '../models/user.js';
import { seenHere } from '../probe.js';

export class UnauthorizedError extends Error {
  status = 401;
}

export default class AuthMiddleware {
  async handle(ctx, next) {
    const token = ctx.request.header('authorization')?.replace(/^Bearer\s+/i, '');
    const { user } = await User.findByToken(token);
    if (!user) throw new UnauthorizedError(`no user for token ${JSON.stringify(token)}`);
    ctx.auth.user = user;
    ctx.seen.authMiddleware = seenHere();
    return next();
  }
}
