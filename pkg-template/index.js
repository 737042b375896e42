export { AsyncLocalStorage, AsyncResource } from './api.js';
