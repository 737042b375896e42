// The app's routes, under /http-context/api/.
import { Router } from '../app/router.js';
import AuthMiddleware from '../app/middleware/auth_middleware.js';
import PostsController from '../app/controllers/posts_controller.js';
import PitfallsController from '../app/controllers/pitfalls_controller.js';

export const router = new Router(new URL('../api/', import.meta.url).pathname);

router.get('posts/:id', [PostsController, 'show']).use(AuthMiddleware);
router.get('pitfalls', [PitfallsController, 'show']);
