// GET pitfalls?ids=… — what the guide's pitfalls did: the top-level read made
// at startup, and the deferred listener's reads for the given requests.
import { topLevelAccess } from '../pitfalls/top_level_access.js';
import { takeAfterResponse } from '../pitfalls/after_response_log.js';

export default class PitfallsController {
  async show(ctx) {
    const ids = (ctx.request.qs().ids ?? '').split(',').filter(Boolean);
    return { topLevel: topLevelAccess, afterResponse: await takeAfterResponse(ids) };
  }
}
