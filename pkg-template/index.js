// Until native carriers land, every host gets the patch carrier.
import './carrier/install.js';
export { AsyncLocalStorage, AsyncResource } from './api.js';
